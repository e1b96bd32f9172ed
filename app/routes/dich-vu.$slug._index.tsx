import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadServiceStart, startProcedure } from "../server/procedures.server";
import { PROCEDURE_NAMESPACES } from "../components/procedure-pages";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["submissions", ...PROCEDURE_NAMESPACES] };

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  pageTitle(matches, (r) => (d?.online ? (r as unknown as Record<string, { start?: { title?: string } }>)[d.content]?.start?.title : r.submissions.notOnline.title));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return loadServiceStart(request, context, params.slug);
}

/** "Start": a fresh draft and the procedure's first step. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  return startProcedure(request, context, params.slug);
}

/** The start page of any registered procedure (ADR 079): who may use it, what it needs, how long it takes. */
export default function ProcedureStart() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  if (!data.online) {
    return (
      <div className="narrow">
        <h1>{t("submissions.notOnline.title")}</h1>
        <p>{t("submissions.notOnline.body")}</p>
        <p>
          <Link to="/ban-can-lam-gi">{t("submissions.notOnline.triage")}</Link>
        </p>
      </div>
    );
  }
  const view = data;
  const k = (key: string) => t(`${view.content}.start.${key}` as never) as string;
  const has = (key: string) => t(`${view.content}.start.${key}` as never, { defaultValue: "" }) !== "";
  return (
    <div className="narrow">
      <h1>{k("title")}</h1>
      <p className="lead">{k("lead")}</p>
      {view.draft ? (
        <section className="notice" aria-labelledby="draft-heading">
          <h2 id="draft-heading">{k("continueHeading")}</h2>
          <p>{t(`${view.content}.start.continueText` as never, { time: formatDateTime(view.draft.updatedAt, locale) })}</p>
          <p>
            <Link to={view.draft.continueHref} className="button">
              {k("continueButton")}
            </Link>
          </p>
        </section>
      ) : null}
      <h2>{k("whoHeading")}</h2>
      <p>{k("who")}</p>
      <h2>{k("needHeading")}</h2>
      <ul>
        {["need1", "need2", "need3", "need4"].filter(has).map((n) => (
          <li key={n}>{k(n)}</li>
        ))}
      </ul>
      <h2>{k("timeHeading")}</h2>
      <p>{k("time")}</p>
      {has("extraHeading") ? (
        <>
          <h2>{k("extraHeading")}</h2>
          <p>{k("extra")}</p>
        </>
      ) : null}
      {view.signInHref ? (
        <section className="notice" aria-labelledby="sign-in-heading">
          <h2 id="sign-in-heading">{t("submissions.signIn.heading")}</h2>
          <p>{t("submissions.signIn.body")}</p>
          <p>
            <Link to={view.signInHref} className="button start-button">
              {t("submissions.signIn.button")}
            </Link>
          </p>
        </section>
      ) : (
        <Form method="post">
          <button type="submit" className={view.draft ? "button secondary" : "button start-button"}>
            {view.draft ? k("startAgain") : k("startButton")}
          </button>
        </Form>
      )}
    </div>
  );
}
