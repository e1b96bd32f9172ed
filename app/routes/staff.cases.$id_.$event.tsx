import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fireCaseEventFromForm, loadCaseEventPage } from "../server/cases.server";
import { CaseEventForm, CaseSummary, EventEffectsList, caseWords } from "../components/case-event-form";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

// The one event page of every case type (ADR 062): accept, refuse, ask for more, forward, assign, close …
// The case types of issue 14 keep their words in their own sections (their events, fields and states): the same list as the case page.
export const handle: I18nHandle = { i18n: ["cases", "workflow.event", "workflow.documents", "denunciations", "feedback", "complaints", "confirmation", "officerChange"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (r) => {
    const page = data?.page;
    if (!page) return undefined;
    const content = page.content.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], r) as
      | { events?: Record<string, { title?: string }> }
      | undefined;
    return `${content?.events?.[page.event]?.title ?? page.event} · ${page.case.reference}`;
  });

export const loader = (args: LoaderFunctionArgs) => loadCaseEventPage(args);

export const action = (args: ActionFunctionArgs) => fireCaseEventFromForm(args);

export default function CaseEventPage() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation();
  const page = posted?.page ?? loaded.page;
  const result = posted?.result ?? null;
  const words = caseWords(t, page.content);
  const c = { ...page.case, receivedAt: String(page.case.receivedAt) };
  return (
    <div className="narrow">
      <p>
        <Link to={paths.staff.case(page.case.id)} className="back-link">
          {t("workflow.event.back")}
        </Link>
      </p>
      {page.kind === "refused" ? (
        <>
          <h1>
            {page.reason === "forbidden"
              ? t("workflow.event.refused.forbiddenTitle")
              : page.reason === "illegal"
                ? t("workflow.event.refused.illegalTitle")
                : t("workflow.event.refused.unknownTitle")}
          </h1>
          <p className="warning-box">
            {page.reason === "forbidden"
              ? t("workflow.event.refused.forbidden")
              : page.reason === "illegal"
                ? t("workflow.event.refused.illegal", { state: words.state(page.case.state), event: words.event(page.event) })
                : t("workflow.event.refused.unknown", { event: page.event })}
          </p>
          <CaseSummary c={c} content={page.content} />
        </>
      ) : (
        <>
          <h1>{words.event(page.event)}</h1>
          <CaseSummary c={c} content={page.content} />
          <EventEffectsList effects={page.effects} content={page.content} />
          <CaseEventForm c={c} content={page.content} event={page.event} fields={page.fields} choices={page.choices} result={result} />
        </>
      )}
    </div>
  );
}
