import type { TFunction } from "i18next";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { maskId } from "../../vocabulary/identity";
import { fieldWording, type FieldDef } from "./definition";

export type Presenter = ReturnType<typeof presenter>;

/**
 * How a journey's answers read, in its own words (`<content>.fields.*`, `<content>.common.*`). Pure: used
 * by "check your answers", the staff view, the PDF and the e-mail.
 */
export function presenter(content: string) {
  /**
   * One answer as people read it, in their language: chosen options by their label, dates dd/mm/yyyy,
   * money with the currency, a select by the label the caller found for it; empty answers say so.
   */
  function presentAnswer(
    t: TFunction,
    locale: "vi" | "en",
    def: FieldDef,
    value: unknown,
    extra: { selectLabel?: string | null; mask?: boolean } = {},
  ): string {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) {
      return t(`${content}.common.notProvided` as never);
    }
    const option = (v: string) => t(`${content}.fields.${fieldWording(def)}.options.${v}` as never) as string;
    switch (def.kind) {
      case "radio":
        return option(String(value));
      case "checkboxes":
        return (Array.isArray(value) ? value : [value]).map((v) => option(String(v))).join("; ");
      case "checkbox":
        return value === true || value === "on" ? t(`${content}.common.yes` as never) : t(`${content}.common.no` as never);
      case "date":
        return formatDate(`${String(value)}T00:00:00+07:00`, locale);
      case "money":
        return formatMoney(Number(value), locale);
      case "select":
        return extra.selectLabel ? extra.selectLabel : def.options ? option(String(value)) : String(value);
      default:
        return extra.mask && def.sensitive ? maskId(String(value)) : String(value);
    }
  }

  /**
   * A field's name as a record shows it (the PDF, the staff view, "check your answers"): the form's field
   * name (`.short`, e.g. "Người điền đơn"), not the question the step asks, where they differ.
   */
  function fieldLabel(t: TFunction, def: FieldDef): string {
    const w = fieldWording(def);
    return t(`${content}.fields.${w}.short` as never, { defaultValue: t(`${content}.fields.${w}.label` as never) as string }) as string;
  }

  return { presentAnswer, fieldLabel };
}
