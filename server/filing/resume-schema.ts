import { z } from "zod";
import { text } from "../validation/browser";

/** "Save and continue later": where to send the link. Shared by the form and the action. */
export const ResumeLinkSchema = z.object({
  email: text({ label: "filing.save.email", error: "filing.errors.saveEmail.required" }).trim().min(1, "filing.errors.saveEmail.required").max(254, "filing.errors.saveEmail.invalid").pipe(z.email("filing.errors.saveEmail.invalid")),
});
