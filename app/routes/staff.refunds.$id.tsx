import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecideRefundSchema } from "../../server/receipts/browser";
import { decideRefundFromForm, loadRefund } from "../server/receipts.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { SummaryList } from "../components/summary-list";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import { uuidParam } from "../server/http.server";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.doc", "receipts.reconciliation", "receipts.refunds", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.refunds.title);

export const loader = (args: LoaderFunctionArgs) => loadRefund(args);

export const action = (args: ActionFunctionArgs) => decideRefundFromForm(args);

export default function StaffRefund() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { refund: r, right } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(DecideRefundSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecideRefundSchema }),
  });
  const err = (f: { errors?: string[] }) => translateError(t, f.errors?.[0]);
  const fieldErrors = [fields.decision, fields.note].filter((f) => f.errors?.length).map((f) => ({ name: f.name, id: f.id, message: err(f)! }));
  const formError = translateError(t, form.errors?.[0]);
  const rows: [string, string][] = [
    [t("receipts.refunds.state"), t(`receipts.refunds.states.${r.state}`)],
    [t("receipts.refunds.reference"), r.txnRef],
    [t("receipts.refunds.notice"), r.notice],
    [t("receipts.refunds.office"), r.office],
    [t("receipts.refunds.paid"), formatMoney(r.paid, locale)],
    [t("receipts.refunds.amount"), formatMoney(r.amount, locale)],
    [t("receipts.refunds.reason"), r.reason],
    [t("receipts.refunds.proposedBy"), r.proposedBy],
    [t("receipts.refunds.proposedAt"), formatDateTime(r.proposedAt, locale)],
    ...(r.decidedBy
      ? ([
          [t("receipts.refunds.decidedBy"), r.decidedBy],
          [t("receipts.refunds.decidedAt"), r.decidedAt ? formatDateTime(r.decidedAt, locale) : "—"],
          [t("receipts.refunds.note"), r.note ?? "—"],
        ] as [string, string][])
      : []),
    ...(r.gatewayCode ? ([[t("receipts.refunds.gatewayCode"), r.gatewayCode]] as [string, string][]) : []),
  ];
  return (
    <div className="narrow">
      <h1>{t("receipts.refunds.detailTitle", { reference: r.txnRef })}</h1>
      {params.get("proposed") ? (
        <p className="notice" role="status">
          {t("receipts.refunds.proposed")}
        </p>
      ) : null}
      {params.get("decided") ? (
        <p className="notice" role="status">
          {t("receipts.refunds.decided")}
        </p>
      ) : null}
      <SummaryList rows={rows} />
      {r.state === "proposed" ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">{t("receipts.refunds.decideHeading")}</h2>
          <ErrorSummary errors={fieldErrors} formError={formError} />
          {right === "ok" ? (
            <Form method="post" {...getFormProps(form)}>
              <fieldset className="radios" aria-describedby={fields.decision.errors?.length ? `${fields.decision.id}-error` : undefined}>
                <legend>{t("receipts.refunds.decision")}</legend>
                {fields.decision.errors?.length ? (
                  <p className="error-message" id={`${fields.decision.id}-error`}>
                    {err(fields.decision)}
                  </p>
                ) : null}
                {(["approve", "reject"] as const).map((v) => (
                  <div className="radio" key={v}>
                    <input type="radio" id={v === "approve" ? fields.decision.id : `decision-${v}`} name={fields.decision.name} value={v} defaultChecked={fields.decision.initialValue === v} />
                    <label htmlFor={v === "approve" ? fields.decision.id : `decision-${v}`}>{v === "approve" ? t("receipts.refunds.approve") : t("receipts.refunds.reject")}</label>
                  </div>
                ))}
              </fieldset>
              <TextField label={t("receipts.refunds.note")} hint={t("receipts.refunds.noteHint")} error={err(fields.note)} {...getInputProps(fields.note, { type: "text" })} id={fields.note.id} />
              <div className="actions">
                <button type="submit" className="button">
                  {t("receipts.refunds.submitDecision")}
                </button>
              </div>
            </Form>
          ) : formError ? null : (
            <p className="notice">{right === "samePerson" ? t("receipts.refunds.errors.samePerson") : t("receipts.refunds.onlyHead")}</p>
          )}
        </section>
      ) : null}
      <p>
        <Link to={paths.staff.refunds}>{t("receipts.refunds.back")}</Link>
      </p>
    </div>
  );
}
