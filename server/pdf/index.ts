// The public entry of server/pdf: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export { createPdf } from "./fonts.server";
export { drawQrCode } from "./qr.server";
