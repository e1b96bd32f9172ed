import { data, redirect } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { paths } from "../../vocabulary/paths";
import { maskName } from "../../vocabulary/identity";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { checkCertificate, jwksUrl, normaliseCertificateCode, printedCertificateCode } from "./certificate.server";

// The public pages of the certificate of enforcement result (ADR 077, 080): the form to type a code and the
// verification page behind the QR code. One server function per loader (ADR 055).

const NOT_INDEXED = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/**
 * `/xac-minh-xac-nhan` (GET form, works without JavaScript): no code yet → the form; a code typed as printed
 * (dashes, spaces, any case) → its verification page; anything that cannot be a code → the form again with
 * a localised error and what was typed (400).
 */
export async function loadCertificateForm({ request }: RouteArgs) {
  const typed = new URL(request.url).searchParams.get("ma");
  if (typed === null) return data({ error: null, value: "" });
  const code = normaliseCertificateCode(typed.slice(0, 64));
  if (!code) return data({ error: "code" as const, value: typed.slice(0, 64) }, { status: 400, headers: NOT_INDEXED });
  throw redirect(paths.verifyCertificate.code(code));
}

/**
 * `/xac-minh-xac-nhan/:code`: the certificate's signature checked with the published keys (the receipts'
 * key set) and what it says, names masked as on every public page, no ID number (a certificate has none).
 * An unknown or malformed code: 404 with `check: null`; a JWS that no longer verifies: "invalid", its
 * content not shown.
 */
export async function loadCertificateCheck({ params, context }: RouteArgs) {
  const { sql, config } = context.services;
  const check = await checkCertificate(sql, config, { code: String(params.code ?? "").slice(0, 64) });
  if (!check) return data({ check: null, jwksUrl: jwksUrl(config) }, { status: 404, headers: NOT_INDEXED });
  const c = check.verdict === "valid" ? check.certificate : null;
  return data(
    {
      check: {
        code: check.code,
        printedCode: printedCertificateCode(check.code),
        verdict: check.verdict,
        kid: check.verdict === "valid" ? check.kid : null,
        certificate: c ? { ...c, applicantName: maskName(c.applicantName) } : null,
        jws: paths.verifyCertificate.jws(check.code),
      },
      jwksUrl: jwksUrl(config),
    },
    { headers: NOT_INDEXED },
  );
}

/** The certificate's JWS as signed (`/xac-minh-xac-nhan/:code/jws`), for anyone's own check against the published keys. */
export async function certificateJwsResponse({ params, context }: RouteArgs) {
  const check = await checkCertificate(context.services.sql, context.services.config, { code: String(params.code ?? "").slice(0, 64) });
  if (!check) return new Response(serverT(context.locale)("confirmation.verify.notFoundTitle"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...NOT_INDEXED } });
  return new Response(check.jws, {
    headers: { "Content-Type": "application/jose", "Content-Disposition": `attachment; filename="giay-xac-nhan-${check.code}.jws"`, ...NOT_INDEXED },
  });
}
