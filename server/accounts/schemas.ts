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
