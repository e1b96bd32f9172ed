import { loadConfig, type Config, createLogger } from "../server/config";
import { createMailer } from "../server/notifications";
import type { Pool } from "../server/db";
import type { Services } from "../server/services";

/** Services for a test: real config parsing (test defaults), a silent logger, the outbox mailer unless smtpUrl. */
export function testServices(sql: Pool, overrides: Partial<Config> & { env?: Record<string, string | undefined> } = {}): Services {
  const { env, ...rest } = overrides;
  const config = {
    ...loadConfig({ NODE_ENV: "test", DATA_DIR: ".data/test", LOG_LEVEL: "silent", ...env }),
    ...rest,
  };
  const log = createLogger("silent");
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, sql });
  return { config, sql, log, mailer };
}
