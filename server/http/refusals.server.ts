import { BodyRefused } from "./body.server";

/**
 * The last resort for input that got past the schemas: PostgreSQL's own refusals of a value are the
 * sender's mistake, not the portal's. A NUL or a byte sequence that is not UTF-8 (22021), a \u0000 in
 * JSON stored as jsonb (22P05) or a value too long for its column (22001) is a bad request; text where a uuid or number belongs (22P02) names
 * nothing that exists. Anything else stays a 500.
 */
export function refusalForError(error: unknown): 400 | 404 | 413 | 415 | null {
  if (error instanceof BodyRefused) return error.status;
  const code = (error as { code?: unknown } | null)?.code;
  const fromPostgres = (error as { name?: unknown } | null)?.name === "PostgresError";
  if (!fromPostgres) return null;
  if (code === "22021" || code === "22P05" || code === "22001") return 400;
  if (code === "22P02") return 404;
  return null;
}
