import type { Express } from "express";
import type { Services } from "../../services";
import { sandboxHandoffSecret } from "../../config";
import { CASE_SYSTEM_BASE, createCaseSystemReceiver, type CaseSystemReceiver } from "./router";

/**
 * Mounts the receiver sandbox at /sandbox/case-system (development and tests: never in production). It
 * verifies with the development secret and with the secret of any configured endpoint that points at it.
 */
export function mountCaseSystemSandbox(app: Express, services: Pick<Services, "config" | "sql" | "log">): CaseSystemReceiver | null {
  const { config } = services;
  if (config.isProduction) return null;
  const own = `${config.BASE_URL}${CASE_SYSTEM_BASE}`;
  const secrets = [
    ...new Set([
      ...Object.values(config.HANDOFF_ENDPOINTS)
        .filter((e) => e.url.replace(/\/+$/, "") === own)
        .map((e) => e.secret),
      sandboxHandoffSecret(config.SESSION_SECRET),
    ]),
  ];
  const receiver = createCaseSystemReceiver({ sql: services.sql, secrets, log: services.log });
  app.use(CASE_SYSTEM_BASE, receiver.router);
  return receiver;
}
