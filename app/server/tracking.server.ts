// Browser-build boundary for server/tracking (see accounts.server.ts): My cases (ADR 067).
export { loadMyCases, loadMyCase, submitMyCase, downloadMyCaseDocument, downloadMyFilingPdf, type NotifyResult } from "../../server/tracking";
