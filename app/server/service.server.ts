// Browser-build boundary for server/service-of-documents (see accounts.server.ts): electronic service (ADR 074).
export {
  loadServiceInfo,
  loadServedPage,
  openServedFromForm,
  loadMyConsent,
  submitMyConsent,
  loadStaffService,
  submitStaffService,
  loadServiceReceiptCheck,
  serviceReceiptPdfResponse,
  serviceReceiptJwsResponse,
} from "../../server/service-of-documents";
export type { ServiceProofView } from "../../server/service-of-documents";
