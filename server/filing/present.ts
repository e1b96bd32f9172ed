import type { TFunction } from "i18next";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { maskId } from "../../vocabulary/identity";
import { fieldWording, type FieldDef } from "./journey";

/**
 * One answer as people read it, in their language: chosen options by their label, dates dd/mm/yyyy,
 * money with the currency, the court by its name; empty answers say so. Pure: used by the "check your
 * answers" page, the staff view, the PDF and the e-mail.
 */
export function presentAnswer(
  t: TFunction,
  locale: "vi" | "en",
  def: FieldDef,
  value: unknown,
  extra: { courtName?: string | null; mask?: boolean } = {},
): string {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
    return t("filing.common.notProvided");
  }
  const option = (v: string) => t(`filing.fields.${fieldWording(def)}.options.${v}` as never) as string;
  switch (def.kind) {
    case "radio":
      return option(String(value));
    case "checkboxes":
      return (Array.isArray(value) ? value : [value]).map((v) => option(String(v))).join("; ");
    case "checkbox":
      return value === true || value === "on" ? t("filing.common.yes") : t("filing.common.no");
    case "date":
      return formatDate(`${String(value)}T00:00:00+07:00`, locale);
    case "money":
      return formatMoney(Number(value), locale);
    case "select":
      return def.name === "court" && extra.courtName ? extra.courtName : String(value);
    default:
      return extra.mask && def.sensitive ? maskId(String(value)) : String(value);
  }
}

/**
 * A field's name as a record shows it (the request PDF, the staff view, "check your answers"): the form's
 * field name ("Người điền đơn"), not the question the step asks ("Ai điền đơn này?"), where they differ.
 */
export function fieldLabel(t: TFunction, def: FieldDef): string {
  const w = fieldWording(def);
  return t(`filing.fields.${w}.short` as never, { defaultValue: t(`filing.fields.${w}.label` as never) as string }) as string;
}
