import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposeRefundSchema } from "../../server/receipts/schemas";
import { requireAccountant } from "../server/payments.server";
import { proposeRefund, refundablePayment } from "../server/receipts.server";
import { ProposeRefundForm } from "../components/refunds";
import { titleFrom } from "../components/payments";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.reconciliation", "receipts.refunds", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => titleFrom(matches, (r) => r.receipts.refunds.propose);

async function payment(request: Request, context: LoaderFunctionArgs["context"]) {
  const { staff } = await requireAccountant(request, context);
  const ref = new URL(request.url).searchParams.get("ref") ?? "";
  const p = await refundablePayment(context.services.sql, { txnRef: ref, staffId: staff.id });
  if (!p) throw data(null, { status: 404 });
  return { staff, payment: p };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { payment: (await payment(request, context)).payment };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { staff, payment: p } = await payment(request, context);
  const submission = parseWithZod(await request.formData(), { schema: ProposeRefundSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await proposeRefund(
    context.services.sql,
    { txnRef: p.txnRef, amount: submission.value.amount, reason: submission.value.reason },
    { staffId: staff.id, ip: context.clientIp, requestId: context.requestId },
  );
  if (!result.ok) {
    const key = `receipts.refunds.errors.${result.error}`;
    const reply = result.error === "amountTooHigh" ? submission.reply({ fieldErrors: { amount: [key] } }) : submission.reply({ formErrors: [key] });
    return data({ result: reply }, { status: 400 });
  }
  return redirect(`/staff/refunds/${result.id}?proposed=1`);
}

export default function ProposeRefund() {
  const { t } = useTranslation();
  const { payment: p } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t("receipts.refunds.proposeTitle", { reference: p.txnRef })}</h1>
      <p className="lead">{t("receipts.refunds.lead")}</p>
      {p.max > 0 ? <ProposeRefundForm txnRef={p.txnRef} max={p.max} lastResult={actionData?.result} /> : <p className="notice">{t("receipts.refunds.noRefundable")}</p>}
      <p>
        <Link to="/staff/refunds">{t("receipts.refunds.back")}</Link>
      </p>
    </div>
  );
}
