import type { Task } from "graphile-worker";
import type { Services } from "../services";
import { isUuid } from "../../vocabulary/identity";
import { certificateVerifyUrl, issueCertificate, printedCertificateCode } from "./certificate.server";

/**
 * The certificate is issued by the confirm event's own document job (`case_document` with document
 * `confirmation-certificate`, queued by the engine in the event's transaction): signed and stored first,
 * then the PDF is rendered by the wrapped task with the certificate's code, verification address and QR code
 * (ADR 080). Idempotent: a retried job keeps the first certificate (and the first stored PDF).
 */
export function confirmationCertificateTask(services: Services, inner: Task): Task {
  return async (payload, helpers) => {
    const p = payload as { caseId?: unknown; document?: unknown };
    if (p?.document === "confirmation-certificate" && typeof p.caseId === "string") {
      const certificate = await issueCertificate(services.sql, services.config, { caseId: p.caseId });
      if (certificate) {
        const verify = { url: certificateVerifyUrl(services.config, certificate.code), code: printedCertificateCode(certificate.code) };
        return inner({ ...(payload as object), verify }, helpers);
      }
    }
    await inner(payload, helpers);
  };
}

/**
 * The `serve: true` hook (`service_auto` {caseId, eventId}) may run before the document job: for the confirm
 * event, run the (wrapped) document job first, so that the PDF served is the one carrying the certificate's
 * code and QR code, never a copy rendered without them. Other events go straight to the hook.
 */
export function certificateBeforeService(services: Services, documentTask: Task, inner: Task): Task {
  return async (payload, helpers) => {
    const p = payload as { caseId?: unknown; eventId?: unknown };
    const eventId = Number(p?.eventId);
    if (isUuid(p?.caseId) && Number.isSafeInteger(eventId) && eventId > 0) {
      const [confirm] = await services.sql`
        select 1 from case_events e join cases c on c.id = e.case_id
        where e.id = ${eventId} and e.case_id = ${p.caseId} and c.case_type = 'confirmation' and e.event = 'confirm'`;
      if (confirm) await documentTask({ caseId: p.caseId, eventId, document: "confirmation-certificate" }, helpers);
    }
    await inner(payload, helpers);
  };
}
