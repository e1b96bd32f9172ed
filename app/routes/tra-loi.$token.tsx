import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadAnswerByLink, submitAnswerByLink } from "../server/answers.server";
import { AnswerPage } from "../components/answer-form";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["answers", "filing.attachments"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.answers.page.title);

/** The office's request for more information, from the e-mailed link (no sign-in needed; ADR 063). */
export async function loader(args: LoaderFunctionArgs) {
  const page = await loadAnswerByLink(args);
  return data(page, { status: page.status === "invalid" ? 404 : 200 });
}

export async function action(args: ActionFunctionArgs) {
  const outcome = await submitAnswerByLink(args);
  return data(outcome, { status: outcome.status });
}

export default function AnswerByLink() {
  return <AnswerPage page={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} signedIn={false} />;
}
