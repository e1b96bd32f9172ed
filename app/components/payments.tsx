import type React from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../utils/page";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { maskIdNumber } from "../../vocabulary/identity";
import { SummaryList } from "./summary-list";
import { resourceFrom } from "../i18n/page";

export type NoticeSummary = {
  notice_number: string;
  court_name: string;
  court_document_number: string | null;
  case_reference: string;
  payer_name: string;
  payer_id_number: string;
  payer_address: string;
  amount: number;
  due_date: string;
  agency_name: string;
  status: "unpaid" | "paid" | "cancelled";
};

/** The notice as a description list; the payer's ID number is masked. */
export function NoticeDetails({ notice }: { notice: NoticeSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string][] = [
    [t("payments.notice.number"), notice.notice_number],
    [t("payments.notice.court"), notice.court_name],
    ...(notice.court_document_number ? ([[t("payments.notice.courtDocument"), notice.court_document_number]] as [string, string][]) : []),
    [t("payments.notice.caseReference"), notice.case_reference],
    [t("payments.notice.payer"), notice.payer_name],
    [t("payments.notice.payerId"), maskIdNumber(notice.payer_id_number)],
    [t("payments.notice.amount"), formatMoney(notice.amount, locale)],
    [t("payments.notice.dueDate"), formatDate(`${notice.due_date}T00:00:00+07:00`, locale)],
    [t("payments.notice.office"), notice.agency_name],
    [t("payments.notice.status"), t(`payments.notice.statuses.${notice.status}`)],
  ];
  return (
    <SummaryList rows={rows} />
  );
}

export { SelectField } from "./forms";
