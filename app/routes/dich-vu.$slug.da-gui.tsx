import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadProcedureDone, type SubmissionDoneView } from "../server/procedures.server";
import { PROCEDURE_NAMESPACES } from "../components/procedure-pages";
import { SubmissionDone } from "../components/submission-done";
import { retryAfterHeader } from "../server/http.server";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["submissions", ...PROCEDURE_NAMESPACES] };

export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.submissions.done.title, { site: false });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const view = (await loadProcedureDone(request, context, params.slug)) as SubmissionDoneView & { content: string };
  if (view.status === "rate-limited") return data(view, { status: 429, headers: retryAfterHeader(view.retryAfterSeconds) });
  return data(view, { headers: { "Cache-Control": "no-store" } });
}

/** The "sent" page of any registered procedure (ADR 073): reference, access code, office, what comes next. */
export default function ProcedureDone() {
  const view = useLoaderData<typeof loader>() as SubmissionDoneView & { content: string };
  const { t } = useTranslation();
  const content = view.content;
  const next = [t(`${content}.next.one` as never, { defaultValue: "" }), t(`${content}.next.two` as never, { defaultValue: "" })].filter(Boolean) as string[];
  return <SubmissionDone view={view} procedureName={(t(`${content}.name` as never) as string).toLowerCase()} next={next} />;
}
