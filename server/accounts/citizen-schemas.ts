import { z } from "zod";
import { text } from "../validation/browser";

/** Citizen sign-in forms, shared by actions and Conform (messages are i18n keys under `account.`). */
const email = text({ label: "account.signIn.email", error: "account.errors.emailRequired" })
  .trim()
  .min(1, "account.errors.emailRequired")
  .max(254, "account.errors.emailInvalid")
  .pipe(z.email("account.errors.emailInvalid"));

export const RequestCodeSchema = z.object({
  email,
  redirectTo: z.string().max(500).optional(),
});

export const VerifyCodeSchema = z.object({
  // People paste "123 456" or "123-456": spaces and dashes are dropped before the check.
  code: text({ label: "account.code.code", error: "account.errors.codeRequired" })
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().min(1, "account.errors.codeRequired").regex(/^\d{6}$/, "account.errors.codeFormat")),
  redirectTo: z.string().max(500).optional(),
});
