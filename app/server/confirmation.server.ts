// Browser-build boundary for server/confirmation (see accounts.server.ts): the certificate's public pages (ADR 077, 080).
export { loadCertificateForm, loadCertificateCheck, certificateJwsResponse } from "../../server/confirmation";
