import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentDraft, resumePath, startDraft } from "../server/filing.server";
import { timeLimitYears } from "../../server/filing/browser";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.filing.start.title, { site: false });
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.errors", "filing.fields", "filing.start"] };


export async function loader({ request, context }: LoaderFunctionArgs) {
  const draft = await currentDraft(request, context);
  return { draft: draft ? { updatedAt: draft.updatedAt.toISOString(), continueHref: resumePath(draft) } : null };
}

/** "Start now" / "Start a new request": a fresh draft and the first step. */
export async function action({ request, context }: ActionFunctionArgs) {
  return startDraft(request, context);
}

export default function FilingStart() {
  const { draft } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="narrow">
      <h1>{t("filing.start.title")}</h1>
      <p className="lead">{t("filing.start.lead")}</p>
      {draft ? (
        <section className="notice" aria-labelledby="draft-heading">
          <h2 id="draft-heading">{t("filing.start.continueHeading")}</h2>
          <p>{t("filing.start.continueText", { time: formatDateTime(draft.updatedAt, locale) })}</p>
          <p>
            <Link to={draft.continueHref} className="button">
              {t("filing.start.continueButton")}
            </Link>
          </p>
        </section>
      ) : null}
      <h2>{t("filing.start.needHeading")}</h2>
      <ul>
        <li>{t("filing.start.need1")}</li>
        <li>{t("filing.start.need2")}</li>
        <li>{t("filing.start.need3")}</li>
        <li>{t("filing.start.need4")}</li>
      </ul>
      <h2>{t("filing.start.timeHeading")}</h2>
      <p>{t("filing.start.time")}</p>
      <h2>{t("filing.start.limitHeading")}</h2>
      <p>{t("filing.start.limit", { years: timeLimitYears() })}</p>
      <Form method="post">
        <button type="submit" className={draft ? "button secondary" : "button start-button"}>
          {draft ? t("filing.start.startAgain") : t("filing.start.startButton")}
        </button>
      </Form>
    </div>
  );
}
