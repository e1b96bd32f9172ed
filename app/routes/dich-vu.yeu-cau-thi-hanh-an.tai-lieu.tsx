import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DOCUMENT_TYPES, MAX_FILE_BYTES, MAX_FILES, SERVICE_PATH } from "../../server/filing/browser";
import { loadAttachmentsStep, submitAttachmentsStep } from "../server/filing.server";
import { ProcedureAttachments } from "../components/procedure-attachments";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.filing.steps.attachments.title, { site: false });

export const handle: I18nHandle = { i18n: ["submissions", "filing.attachments", "filing.common", "filing.errors", "filing.fields", "filing.steps", "filing.timeLimit"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadAttachmentsStep(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const outcome = await submitAttachmentsStep(request, context);
  if (outcome.ok) return redirect(outcome.redirectTo);
  return data(outcome, { status: outcome.problems.length ? 400 : 200 });
}

/** The enforcement request's attachments step: the one attachments page every procedure uses (ADR 082), with its limits and the judgment required. */
export default function AttachmentsStep() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <ProcedureAttachments
      view={{
        content: "filing",
        title: "filing.steps.attachments.title",
        number: view.number,
        total: view.total,
        backHref: view.backHref,
        returnToCheck: view.returnToCheck,
        attachments: view.attachments,
        documentTypes: [...DOCUMENT_TYPES],
        maxFiles: MAX_FILES,
        maxFileBytes: MAX_FILE_BYTES,
        requiredType: "judgment",
      }}
      result={result && "problems" in result ? result : null}
      saveHref={`${SERVICE_PATH}/luu`}
    />
  );
}
