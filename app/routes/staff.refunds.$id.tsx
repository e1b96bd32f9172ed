import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecideRefundSchema } from "../../server/receipts/schemas";
import { decideRefund, getRefundForStaff, refundDecisionRight, requireRefundStaff } from "../server/receipts.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { titleFrom, useLocale } from "../components/payments";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { SummaryList } from "../components/summary-list";
import { uuidParam } from "../server/http.server";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.reconciliation", "receipts.refunds", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => titleFrom(matches, (r) => r.receipts.refunds.title);

async function load(request: Request, params: LoaderFunctionArgs["params"], context: LoaderFunctionArgs["context"]) {
  const id = uuidParam(params.id);
  const viewer = await requireRefundStaff(request, context);
  const refund = await getRefundForStaff(context.services.sql, { id, staffId: viewer.staff.id });
  if (!refund) throw data(null, { status: 404 });
  return { viewer, refund, right: refundDecisionRight(refund, { staffId: viewer.staff.id, headOf: viewer.headOf }) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { refund: r, right } = await load(request, params, context);
  return {
    right,
    refund: {
      id: r.id, txnRef: r.txn_ref, notice: r.notice_number, office: r.agency_name, amount: r.amount, paid: r.paid, reason: r.reason, state: r.state,
      proposedBy: r.proposed_by_name, proposedAt: r.proposed_at.toISOString(), decidedBy: r.decided_by_name, decidedAt: r.decided_at?.toISOString() ?? null,
      note: r.decision_note, gatewayCode: r.gateway_response_code,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, refund, right } = await load(request, params, context);
  const submission = parseWithZod(await request.formData(), { schema: DecideRefundSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await decideRefund(
    context.services.sql,
    { refundId: refund.id, approve: submission.value.decision === "approve", note: submission.value.note || null },
    { staffId: viewer.staff.id, ip: context.clientIp, requestId: context.requestId },
  );
  if (!result.ok) {
    // The domain refused (and re-checked in SQL); say why in the viewer's terms (a proposer is told "not yourself").
    const why = right !== "ok" ? right : result.error;
    return data({ result: submission.reply({ formErrors: [`receipts.refunds.errors.${why}`] }) }, { status: why === "notOpen" ? 409 : 403 });
  }
  return redirect(`/staff/refunds/${refund.id}?decided=1`);
}

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
        <Link to="/staff/refunds">{t("receipts.refunds.back")}</Link>
      </p>
    </div>
  );
}
