import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DECISION_WORKING_DAYS } from "../../server/filing/browser";
import { justSubmitted } from "../server/filing.server";
import { retryAfterHeader } from "../server/http.server";
import { TryAgainLater } from "../components/try-again";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.done", "filing.errors", "filing.fields", "lookup"] };

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.filing.done.title, { site: false });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const found = await justSubmitted(request, context);
  if (!found.ok && found.reason === "rate-limited") {
    return data({ submitted: null, retryAfter: found.retryAfterSeconds }, { status: 429, headers: retryAfterHeader(found.retryAfterSeconds) });
  }
  if (!found.ok) return data({ submitted: null, retryAfter: 0 });
  const r = found.request;
  return data({
    retryAfter: 0,
    submitted: {
      reference: r.reference,
      accessCode: found.accessCode,
      email: r.applicantEmail,
      office: { name: r.agencyName, address: r.agencyAddress, phone: r.agencyPhone },
    },
  });
}

export default function Submitted() {
  const { submitted, retryAfter } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (retryAfter) return <TryAgainLater seconds={retryAfter} />;
  if (!submitted) {
    return (
      <div className="narrow">
        <h1>{t("filing.done.title")}</h1>
        <p>{t("filing.done.expired")}</p>
        <p>
          <Link to="/">{t("filing.done.home")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <div className="panel-confirmation">
        <h1>{t("filing.done.title")}</h1>
        <dl>
          <dt>{t("filing.done.reference")}</dt>
          <dd className="code" data-testid="reference">
            {submitted.reference}
          </dd>
          <dt>{t("filing.done.accessCode")}</dt>
          <dd className="code" data-testid="access-code">
            {submitted.accessCode}
          </dd>
        </dl>
      </div>
      <p>{t("filing.done.keepCodes")}</p>
      <p>
        {t("lookup.links.followText")} <Link to={paths.lookup(submitted.reference)}>{t("lookup.links.follow")}</Link>
      </p>
      {submitted.email ? <p>{t("filing.done.emailSent", { email: submitted.email })}</p> : null}
      <h2>{t("filing.done.officeHeading")}</h2>
      <address className="office">
        <p>{submitted.office.name}</p>
        {submitted.office.address ? <p>{submitted.office.address}</p> : null}
        {submitted.office.phone ? <p>{submitted.office.phone}</p> : null}
      </address>
      <h2>{t("filing.done.nextHeading")}</h2>
      <ol>
        <li>{t("filing.done.next1")}</li>
        <li>{t("filing.done.next2", { days: DECISION_WORKING_DAYS })}</li>
        <li>{t("filing.done.next3")}</li>
      </ol>
      <p>
        <a href={paths.filing.donePdf} className="button secondary" download>
          {t("filing.done.pdf")}
        </a>
      </p>
      <p>
        <Link to="/">{t("filing.done.home")}</Link>
      </p>
    </div>
  );
}
