import { z } from "zod";
import { text } from "../validation/browser";

/** "Save and continue later": where to send the link, in the journey's words. Shared by the form and the action. */
export function resumeLinkSchema(content: string) {
  return z.object({
    email: text({ label: `${content}.save.email`, error: `${content}.errors.saveEmail.required` })
      .trim()
      .min(1, `${content}.errors.saveEmail.required`)
      .max(254, `${content}.errors.saveEmail.invalid`)
      .pipe(z.email(`${content}.errors.saveEmail.invalid`)),
  });
}
