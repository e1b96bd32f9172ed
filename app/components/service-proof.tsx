import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import type { Locale } from "../../vocabulary/i18n/config";
import { paths } from "../../vocabulary/paths";

export type ServiceProofProps = {
  document: string;
  servedAt: string;
  dueOn: string | null;
  openedAt: string | null;
  openedSha256: string | null;
  sha256: string;
  /** Paper service has no opening on the portal: that row is left out. */
  method?: "electronic" | "paper";
};

/** The proof of service both sides see (ADR 074): served when, open by, first opened when, the SHA-256. */
export function ServiceProofList({ proof, locale }: { proof: ServiceProofProps; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <dl className="summary">
      <div>
        <dt>{t("service.served.document")}</dt>
        <dd>{String(t(`workflow.documents.names.${proof.document}` as never, { defaultValue: t("workflow.documents.names.other") } as never))}</dd>
      </div>
      <div>
        <dt>{t("service.served.servedAt")}</dt>
        <dd>{formatDateTime(proof.servedAt, locale)}</dd>
      </div>
      {proof.dueOn ? (
        <div>
          <dt>{t("service.served.dueOn")}</dt>
          <dd>{formatDate(proof.dueOn, locale)}</dd>
        </div>
      ) : null}
      {proof.method === "paper" ? null : (
        <div>
          <dt>{t("service.served.openedAt")}</dt>
          <dd data-testid="opened-at">{proof.openedAt ? formatDateTime(proof.openedAt, locale) : t("service.served.notOpened")}</dd>
        </div>
      )}
      <div>
        <dt>{t("service.served.sha256")}</dt>
        <dd>
          <code className="hash" data-testid="sha256" style={{ overflowWrap: "anywhere" }}>
            {proof.openedSha256 ?? proof.sha256}
          </code>
        </dd>
      </div>
    </dl>
  );
}

/**
 * The signed receipt of service of one service (ADR 080), for both sides: its printable PDF and its public
 * verification page once the proof is complete (opened, or served on paper); until then, when it will be made.
 */
export function ServiceReceiptLinks({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code) return <p className="muted">{t("service.receipt.pending")}</p>;
  return (
    <div className="service-receipt">
      <h3>{t("service.receipt.heading")}</h3>
      <ul>
        <li>
          <a href={paths.verifyServicePdf(code)} data-testid="service-receipt-pdf">
            {t("service.receipt.pdf")}
          </a>
        </li>
        <li>
          <a href={paths.verifyService(code)} data-testid="service-receipt-verify">
            {t("service.receipt.verify")}
          </a>
        </li>
      </ul>
    </div>
  );
}
