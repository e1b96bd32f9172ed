import { data } from "@remix-run/node";
import { isUuid } from "../../vocabulary/identity";

/**
 * A record id from a URL, checked before anything else in the loader or action (no session lookup, no
 * query): anything but a uuid names nothing, so it is the localised 404 page, never PostgreSQL's 500.
 */
export function uuidParam(value: string | undefined): string {
  if (!isUuid(value)) throw data(null, { status: 404 });
  return value;
}
