import { z } from "zod";
import { text } from "../validation/text";

/** "Save and continue later": where to send the link. Shared by the form and the action. */
export const ResumeLinkSchema = z.object({
  email: text({ label: "filing.save.email", error: "filing.errors.required" }).trim().min(1, "filing.errors.required").max(254, "filing.errors.email").pipe(z.email("filing.errors.email")),
});
