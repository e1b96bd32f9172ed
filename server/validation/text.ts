import { z } from "zod";

/**
 * The one base of every text field a person or a caller fills in (filing, sign-in, payer lookups, staff
 * forms, the court API, CSV cells): a string without control characters. NUL, the other C0 controls,
 * DEL and the C1 controls are refused everywhere (PostgreSQL cannot store NUL; the rest corrupt PDFs,
 * CSV and logs), and so are lone UTF-16 surrogates (not text; they would be stored as U+FFFD). Tab and
 * line breaks are allowed in multi-line fields only. Pure: the browser validates with the same schemas.
 *
 * Messages name the field: `fieldMessage(key, { field: labelKey, ... })` packs an i18n key with its
 * values into the one string a Zod issue carries, and `translateMessage` unpacks it (the form's label
 * key is translated and put in as `{{field}}`).
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every control character (line breaks and tab too) and lone surrogate, for removing them from logged values. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export type TextProblem = "controlChars" | "lineBreaks";

/** What is wrong with a value's characters, or null when it may be stored. */
export function textProblem(value: string, multiline = false): TextProblem | null {
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) return "controlChars";
  if (!multiline && LINE_BREAK_OR_TAB.test(value)) return "lineBreaks";
  return null;
}

/** An i18n key with its values, as one message string (see `translateMessage`). */
export function fieldMessage(key: string, values: { field: string } & Record<string, string | number>): string {
  return `${key}|${JSON.stringify(values)}`;
}

/** "{{field}} must be {{max}} characters or fewer." for the field whose label key is `label`. */
export const tooLong = (label: string, max: number) => fieldMessage("validation.tooLong", { field: label, max });

export type TextOptions = {
  /** The i18n key of the field's label: the messages name the field with it. */
  label: string;
  /** Tab and line breaks allowed (textareas). */
  multiline?: boolean;
  /** The message when the value is missing or not a string. */
  error?: string;
};

/**
 * `z.string()` that refuses control characters (and, unless multi-line, tabs and line breaks) before any
 * other check, with a message naming the field. Chain `.trim()`, `.min()`, `.max()` … on it as usual.
 */
export function text({ label, multiline = false, error }: TextOptions) {
  return z
    .string(error ? { error } : undefined)
    .refine((v) => textProblem(v, true) === null, { error: fieldMessage("validation.controlChars", { field: label }), abort: true })
    .refine((v) => multiline || textProblem(v, false) === null, { error: fieldMessage("validation.lineBreaks", { field: label }), abort: true });
}

type Translate = (key: never, options?: Record<string, unknown>) => unknown;

/** A schema message (a plain i18n key, or one packed by `fieldMessage`) in the reader's language. */
export function translateMessage(t: Translate, message: string): string {
  const bar = message.indexOf("|");
  if (bar < 0) return String(t(message as never, { defaultValue: message }));
  const key = message.slice(0, bar);
  let values: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(message.slice(bar + 1));
    if (parsed && typeof parsed === "object") values = parsed as Record<string, unknown>;
  } catch {
    // not a packed message after all: show the key's text without values
  }
  const field = typeof values.field === "string" ? String(t(values.field as never)) : String(t("validation.thisField" as never));
  return String(t(key as never, { ...values, field, defaultValue: key }));
}
