import type { TFunction } from "i18next";
import { translateError } from "./forms";

/** A second-factor form's error: a schema message (maybe packed with values) or a server answer's key and values. */
export function stepMessage(t: TFunction, error: { key: string; values?: Record<string, number> }): string {
  return error.values && Object.keys(error.values).length ? String(t(error.key as never, error.values as never)) : (translateError(t, error.key) ?? error.key);
}
