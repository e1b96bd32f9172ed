import type { Task } from "graphile-worker";
import type { Services } from "../services";
import { issueCertificate } from "./certificate.server";

/**
 * The certificate is issued by the confirm event's own document job (`case_document` with document
 * `confirmation-certificate`, queued by the engine in the event's transaction): signed and stored first,
 * then the PDF is rendered by the wrapped task. Idempotent: a retried job keeps the first certificate.
 */
export function confirmationCertificateTask(services: Services, inner: Task): Task {
  return async (payload, helpers) => {
    const p = payload as { caseId?: unknown; document?: unknown };
    if (p?.document === "confirmation-certificate" && typeof p.caseId === "string") {
      await issueCertificate(services.sql, services.config, { caseId: p.caseId });
    }
    await inner(payload, helpers);
  };
}
