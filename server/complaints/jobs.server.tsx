import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale } from "../../vocabulary/i18n/config";
import { formatDateTime } from "../../vocabulary/format";
import FilingResumeEmail from "../../emails/filing-resume";
import { renderEmail } from "../notifications";

const ResumePayload = z.object({ email: z.email(), url: z.url(), expiresAt: z.iso.datetime(), locale: z.string() });

/** The complaint's job tasks: its resume-link e-mail (the journey engine's payload; the platform's resume e-mail). */
export function complaintTasks(services: Services): Record<string, Task> {
  return {
    send_complaint_resume_link: async (raw) => {
      const p = ResumePayload.parse(raw);
      const locale = isLocale(p.locale) ? p.locale : "vi";
      const t = serverT(locale);
      const { html, text } = await renderEmail(<FilingResumeEmail t={t} lang={locale} url={p.url} time={formatDateTime(p.expiresAt, locale)} />);
      await services.mailer.send({ to: p.email, subject: t("filing.email.resume.subject"), html, text });
    },
  };
}
