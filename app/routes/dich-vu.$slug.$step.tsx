import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadProcedureStep, submitProcedureStep } from "../server/procedures.server";
import { PROCEDURE_NAMESPACES } from "../components/procedure-pages";
import { ErrorSummary, translateError } from "../components/forms";
import { JourneyField, fieldId } from "../components/filing-fields";
import { ProcedureAttachments, ProcedureNotices, type AttachmentsPageResult } from "../components/procedure-attachments";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["submissions", ...PROCEDURE_NAMESPACES] };

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  pageTitle(matches, (r) => (d ? d.title.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], r) as string | undefined : undefined), { site: false });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return loadProcedureStep(request, context, params.slug, params.step);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return submitProcedureStep(request, context, params.slug, params.step);
}

/**
 * One step of any registered procedure, drawn from its definition: a form (validated on the server, works
 * without JavaScript) or the attachments page.
 */
export default function ProcedureStep() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (view.kind === "attachments") {
    return <ProcedureAttachments view={view} result={actionData?.kind === "attachments" ? (actionData as unknown as AttachmentsPageResult) : null} />;
  }
  return <FormStep view={view} lastResult={actionData?.kind === "form" ? (actionData.result as SubmissionResult<string[]>) : undefined} />;
}

type FormView = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "form" }>;

function FormStep({ view, lastResult }: { view: FormView; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: `step-${view.stepId}`, lastResult, defaultValue: view.values });
  const errors = view.fields
    .map((f) => ({ def: f, meta: fields[f.name as keyof typeof fields] }))
    .filter(({ meta }) => meta?.errors?.length)
    .map(({ def, meta }) => ({ name: def.name, id: fieldId(def.name), message: translateError(t, meta!.errors![0])! }));
  return (
    <div className="narrow journey">
      <Link to={view.backHref} className="back-link">
        {t("submissions.pages.back")}
      </Link>
      <ErrorSummary errors={errors} />
      <p className="step-count">{t("submissions.pages.stepOf", { number: view.number, total: view.total })}</p>
      <h1>{t(view.title as never)}</h1>
      <ProcedureNotices notices={view.notices} />
      <Form method="post" {...getFormProps(form)}>
        {view.returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        {view.fields.map((def) => {
          const meta = fields[def.name as keyof typeof fields];
          return (
            <JourneyField
              key={def.name}
              def={def}
              content={view.content}
              state={{ initialValue: meta?.initialValue, errors: meta?.errors, key: meta?.key }}
              options={view.options[def.name]}
            />
          );
        })}
        <div className="actions">
          <button type="submit" className="button">
            {t("submissions.pages.continue")}
          </button>
        </div>
      </Form>
    </div>
  );
}
