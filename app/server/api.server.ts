// Browser-build boundary for server/api (see accounts.server.ts).
export { loadApiKeysPage, apiKeysAction, loadWebhooksPage, webhooksAction, type ApiKeysActionResult, type WebhooksActionResult } from "../../server/api";
