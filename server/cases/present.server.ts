import type { TFunction } from "i18next";
import type { Locale } from "../../vocabulary/i18n/config";
import { formatDate, formatMoney } from "../../vocabulary/format";
import type { CaseEventDef, CaseFieldDef, CaseType } from "./definition";

/**
 * An event's stored fields as people read them (the decision documents and the e-mails): option labels
 * from the case type's words (`<content>.events.<event>.fields.<name>.options.<value>`), dates dd/mm/yyyy,
 * money in đồng, a chosen officer or office by the name the engine stored beside its id.
 */
export function presentEventFields(t: TFunction, locale: Locale, type: CaseType, event: string, fields: Record<string, unknown>): Record<string, string> {
  const def = (type.events as Record<string, CaseEventDef | undefined>)[event];
  const out: Record<string, string> = {};
  for (const f of def?.fields ?? []) {
    const v = fields[f.name];
    if (v === undefined || v === null || v === "") continue;
    out[f.name] = presentField(t, locale, type, event, f, v, fields);
  }
  return out;
}

export function optionWords(t: TFunction, type: CaseType, event: string, field: string, value: string): string {
  return String(t(`${type.content}.events.${event}.fields.${field}.options.${value}` as never, { defaultValue: value } as never));
}

function presentField(t: TFunction, locale: Locale, type: CaseType, event: string, f: CaseFieldDef, v: unknown, fields: Record<string, unknown>): string {
  switch (f.kind) {
    case "select":
    case "radio":
      return optionWords(t, type, event, f.name, String(v));
    case "checkboxes":
      return (Array.isArray(v) ? v : [v]).map((x) => optionWords(t, type, event, f.name, String(x))).join("; ");
    case "date":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(`${v}T12:00:00+07:00`, locale) : String(v);
    case "staff":
      return String(fields.officerName ?? v);
    case "agency":
      return String(fields.agencyName ?? v);
    default:
      if (f.name === "amount" && (typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v)))) return formatMoney(BigInt(v), locale);
      return String(v);
  }
}
