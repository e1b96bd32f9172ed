// The public entry of server/confirmation (issue 14 item 6, ADR 077): the case type of a request to confirm
// the result of enforcement, and its signed certificate.
export { CONFIRMATION_CASE } from "./case-type";
export {
  issueCertificate,
  verifyCertificate,
  checkCertificate,
  normaliseCertificateCode,
  printedCertificateCode,
  certificateVerifyUrl,
  CONFIRMATION_JWT_TYPE,
  type CertificateContent,
  type CertificateCheck,
} from "./certificate.server";
export { confirmationCertificateTask, certificateBeforeService } from "./jobs.server";
export { loadCertificateForm, loadCertificateCheck, certificateJwsResponse } from "./web.server";
export { CONFIRMATION_JOURNEY, type ConfirmationStep } from "./journey";
export { confirmationEngine, relatedCaseIn } from "./journey.server";

import { registerProcedureSection } from "../submissions";
import { CONFIRMATION_CASE as SECTION_CASE } from "./case-type";
// The staff case page shows the submission (ADR 073).
registerProcedureSection(SECTION_CASE);
