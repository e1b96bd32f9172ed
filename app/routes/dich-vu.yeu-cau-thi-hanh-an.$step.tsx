import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { stepBySlug, SERVICE_PATH } from "../../server/filing/browser";
import { loadFormStep, submitFormStep } from "../server/filing.server";
import { ErrorSummary, translateError } from "../components/forms";
import { JourneyField, fieldId } from "../components/filing-fields";
import { StepHeader, TimeLimitNotice } from "../components/filing-layout";
import { formatDate } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  pageTitle(matches, (r) => (d ? (r.filing.steps as Record<string, { title: string } | undefined>)[d.stepId]?.title : undefined), { site: false });
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.common", "filing.errors", "filing.fields", "filing.steps", "filing.timeLimit"] };


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return loadFormStep(request, context, params.step);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const outcome = await submitFormStep(request, context, params.step, formData);
  if (outcome.ok) return redirect(outcome.redirectTo);
  return data({ result: outcome.result }, { status: 400 });
}

export default function JourneyStep() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const step = stepBySlug(view.slug)!;
  const [form, fields] = useForm({
    id: `step-${step.id}`,
    lastResult: actionData?.result,
    defaultValue: view.values,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: step.schema }),
  });
  const errors = step.fields
    .map((f) => ({ def: f, meta: fields[f.name as keyof typeof fields] }))
    .filter(({ meta }) => meta?.errors?.length)
    .map(({ def, meta }) => ({ name: def.name, id: fieldId(def.name), message: translateError(t, meta!.errors![0])! }));
  const locale = useLocale();

  return (
    <div className="narrow journey">
      <Link to={view.backHref} className="back-link">
        {t("filing.common.back")}
      </Link>
      <ErrorSummary errors={errors} />
      <StepHeader number={view.number} total={view.total} title={t(`filing.steps.${step.id}.title`)} />
      {view.timeLimit ? <TimeLimitNotice past={view.timeLimit.past} date={formatDate(view.timeLimit.ends, locale)} /> : null}
      <Form method="post" {...getFormProps(form)}>
        {view.returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        {step.fields.map((def) => {
          const meta = fields[def.name as keyof typeof fields];
          return (
            <JourneyField
              key={def.name}
              def={def}
              state={{ initialValue: meta?.initialValue, errors: meta?.errors, key: meta?.key }}
              options={def.name === "court" ? (view.courts ?? []).map((c) => ({ value: c.code, label: c.name })) : undefined}
            />
          );
        })}
        <div className="actions">
          <button type="submit" className="button">
            {t("filing.common.continue")}
          </button>
        </div>
      </Form>
      <p className="save-later">
        <Link to={`${SERVICE_PATH}/luu`}>{t("filing.common.saveForLater")}</Link>
      </p>
    </div>
  );
}
