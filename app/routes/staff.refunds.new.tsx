import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadRefundProposal, proposeRefundFromForm } from "../server/receipts.server";
import { ProposeRefundForm } from "../components/refunds";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.doc", "receipts.reconciliation", "receipts.refunds", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.refunds.propose);

export const loader = (args: LoaderFunctionArgs) => loadRefundProposal(args);

export const action = (args: ActionFunctionArgs) => proposeRefundFromForm(args);

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
        <Link to={paths.staff.refunds}>{t("receipts.refunds.back")}</Link>
      </p>
    </div>
  );
}
