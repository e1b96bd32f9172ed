import type { Config } from "./config/env.server";
import type { Pool } from "./db/client.server";
import type { Logger } from "./logger.server";
import type { Mailer } from "./notifications/mailer.server";

/**
 * What the server hands to every loader and action through Remix's load context, and to every job.
 * Passing it explicitly (instead of module singletons) keeps one pool per process even though the
 * Remix build and the server bundle each contain their own copy of server/ modules.
 */
export type Services = {
  config: Config;
  sql: Pool;
  log: Logger;
  mailer: Mailer;
};
