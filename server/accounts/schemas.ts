import { z } from "zod";

/**
 * Form schemas shared by the action (server) and the form (browser, through Conform). Messages are
 * i18n keys; the form translates them.
 */
export const StaffSignInSchema = z.object({
  email: z.string({ error: "staff.emailRequired" }).trim().min(1, "staff.emailRequired").max(254, "staff.emailInvalid").pipe(z.email("staff.emailInvalid")),
  password: z.string({ error: "staff.passwordRequired" }).min(1, "staff.passwordRequired").max(200, "staff.passwordTooLong"),
  redirectTo: z.string().optional(),
});
