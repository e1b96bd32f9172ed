import type { Config, Logger } from "../config";
import type { Pool } from "../db";
import type { Mailer } from "../notifications";

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
