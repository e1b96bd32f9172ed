import { z } from "zod";
import { text } from "../validation/browser";

/**
 * Form schemas shared by the action (server) and the form (browser, through Conform). Messages are
 * i18n keys; the form translates them.
 */
export const StaffSignInSchema = z.object({
  email: text({ label: "staff.email", error: "staff.emailRequired" }).trim().min(1, "staff.emailRequired").max(254, "staff.emailInvalid").pipe(z.email("staff.emailInvalid")),
  password: text({ label: "staff.password", error: "staff.passwordRequired" }).min(1, "staff.passwordRequired").max(200, "staff.passwordTooLong"),
  redirectTo: z.string().optional(),
});

/** The second factor's code (TOTP or recovery code: the server tells them apart) on the code step and the set-up. */
export const SecondFactorCodeSchema = z.object({
  code: text({ label: "secondFactor.code.label", error: "secondFactor.errors.codeRequired" })
    .trim()
    .min(1, "secondFactor.errors.codeRequired")
    .max(40, "secondFactor.errors.codeFormat"),
  redirectTo: z.string().max(500).optional(),
});
