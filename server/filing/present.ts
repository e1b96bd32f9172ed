import type { TFunction } from "i18next";
import { presenter, type FieldDef } from "../journeys/browser";

/** The engine's presenter in the enforcement request's words (`filing.*`); the court shows by its name. */
const filing = presenter("filing");

export function presentAnswer(
  t: TFunction,
  locale: "vi" | "en",
  def: FieldDef,
  value: unknown,
  extra: { courtName?: string | null; mask?: boolean } = {},
): string {
  return filing.presentAnswer(t, locale, def, value, { mask: extra.mask, selectLabel: def.name === "court" ? extra.courtName : null });
}

export const fieldLabel = filing.fieldLabel;
