import { z } from "zod";
import { parseAmount, parseApiAmount, type AmountError, type AmountLimits } from "./amount";

/** The i18n key for each reason an amount is refused, in the namespace of the form that asked. */
export type AmountMessages = Record<AmountError, string>;

/** Conventional keys `<prefix>Required`, `<prefix>Format`, … (e.g. "payments.errors.amount"). */
export function amountMessages(prefix: string): AmountMessages {
  return {
    required: `${prefix}Required`,
    format: `${prefix}Format`,
    fraction: `${prefix}Fraction`,
    grouping: `${prefix}Grouping`,
    tooSmall: `${prefix}TooSmall`,
    tooLarge: `${prefix}TooLarge`,
  };
}

/** A form or CSV field holding an amount as people write it ("1.250.000") → whole đồng. */
export function amountField(messages: AmountMessages, limits: AmountLimits = {}) {
  return z.string({ error: messages.required }).transform((v, ctx) => {
    const r = parseAmount(v, limits);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: messages[r.reason] });
      return z.NEVER;
    }
    return r.value;
  });
}

/** A machine-sent amount (court API): a JSON integer or a string of digits only. */
export function apiAmountField(messages: AmountMessages, limits: AmountLimits = {}) {
  return z.unknown().transform((v, ctx) => {
    const r = parseApiAmount(v, limits);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: messages[r.reason] });
      return z.NEVER;
    }
    return r.value;
  });
}
