import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale } from "../../vocabulary/i18n/config";
import CitizenSignInCodeEmail, { citizenSignInCodeSubject } from "../../emails/citizen-sign-in-code";
import { renderEmail } from "../notifications";
import { CODE_TTL_MINUTES, openCode, pruneSignInCodes } from "./citizen.server";

const CodePayload = z.object({ email: z.email(), sealed: z.string().max(200), locale: z.string() });

/** E-mails a citizen's sign-in code (sealed in the job payload, opened only here). */
export function sendCitizenSignInCode(services: Services): Task {
  return async (raw) => {
    const p = CodePayload.parse(raw);
    const locale = isLocale(p.locale) ? p.locale : "vi";
    const t = serverT(locale);
    const code = openCode(services.config.SESSION_SECRET, p.sealed);
    const { html, text } = await renderEmail(<CitizenSignInCodeEmail t={t} lang={locale} code={code} minutes={CODE_TTL_MINUTES} />);
    await services.mailer.send({ to: p.email, subject: citizenSignInCodeSubject(t, code), html, text });
  };
}

export function accountTasks(services: Services) {
  return {
    send_citizen_sign_in_code: sendCitizenSignInCode(services),
    prune_citizen_sign_in_codes: async () => {
      await pruneSignInCodes(services.sql);
    },
  };
}
