import { data } from "@remix-run/node";
import type { RouteArgs, RateLimitSettings } from "../http";
import { clientKey, DEFAULT_RATE_LIMITS, policies, retryAfterHeader, settle, take } from "../http";
import type { Pool } from "../db";
import { lookupReference, verifyLookupPair } from "./access.server";
import { partyCaseView, type PartyCaseView } from "./party-view.server";

/**
 * The status lookup without an account, `/tra-cuu` (issue 13, ADR 066): the reference and the access code
 * posted (never in a URL), then the case as its parties see it (partyCaseView). A wrong reference and a
 * wrong code give the same answer — the same status, the same page, the reference echoed and the code
 * field empty — after the same work and the same queries; so does any malformed input. Rate limits: per
 * client address (strict) and per reference (failures from every address, a higher threshold); once
 * either must wait, right and wrong codes alike get the same 429, which tells the party who filed how to
 * get in anyway (sign in with the e-mail they filed with: My cases joins the case).
 */

/** The longest reference echoed back into the form (what was typed beyond it is not a reference anyway). */
const ECHO_MAX = 60;

/** What was typed as the reference, as the form shows it again: control characters out, at most ECHO_MAX characters. */
export function echoReference(value: unknown): string {
  return typeof value === "string" ? value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "").trim().slice(0, ECHO_MAX) : "";
}

/** `expired`: a later form of the case's page (the satisfaction question's) came after its one-hour token. */
export type LookupProblem = "referenceRequired" | "accessCodeRequired" | "notFound" | "rateLimited" | "expired";

/**
 * The page: the form (with the reference to show, and the problems of the last post), or the case found;
 * `extra` is what a domain above adds to a found case (the satisfaction question, server/satisfaction).
 */
export type LookupPage<X = never> =
  | { found: false; reference: string; problems: LookupProblem[]; retryAfter: number }
  | { found: true; reference: string; view: Omit<PartyCaseView, "caseId">; extra?: X };

/** The counters of one lookup (ADR 066): the address strict, the reference (all addresses) with a higher threshold. */
export function lookupCounters(limits: RateLimitSettings, { reference, ip }: { reference: string; ip: string | null }) {
  const p = policies(limits);
  const free = limits.RATE_LIMIT_FREE_FAILURES;
  const counters: Parameters<typeof take>[1] = [
    // One address: 2 × free failures (10), then 1 s, 2 s … up to RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS; a success gives its attempt back.
    { key: clientKey("case-lookup", ip), policy: { ...p.client, free: free * 2 }, onSuccess: "refund" },
  ];
  // One reference, whoever tries: 4 × free failures (20), then up to RATE_LIMIT_MAX_DELAY_SECONDS; the
  // right pair starts it again. A reference that cannot exist has no counter of its own (the address's only).
  const ref = lookupReference(reference);
  if (ref) counters.push({ key: `case-lookup:reference:${ref}`, policy: { ...p.subject, free: free * 4 }, onSuccess: "reset" });
  return counters;
}

export type LookupOutcome = { ok: true; caseId: string } | { ok: false; reason: "not-found" } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * One lookup: the counters taken (one transaction), then the pair checked (one query), whatever the pair;
 * on success only, the counters settled. A wrong reference and a wrong code run the same statements.
 */
export async function lookUpPair(
  sql: Pool,
  { reference, accessCode, ip, limits = DEFAULT_RATE_LIMITS }: { reference: string; accessCode: string; ip: string | null; limits?: RateLimitSettings },
): Promise<LookupOutcome> {
  const taken = await take(sql, lookupCounters(limits, { reference, ip }));
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const caseId = await verifyLookupPair(sql, { reference, accessCode });
  if (!caseId) return { ok: false, reason: "not-found" };
  await settle(sql, taken.ticket);
  return { ok: true, caseId };
}

/** Never cached, never indexed: the page shows a case once the pair is proved. */
export const LOOKUP_PAGE_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" };

/** GET `/tra-cuu`: the empty form, the reference prefilled from `?ma-ho-so=` (a code in the URL is ignored). */
export function loadLookupPage({ request }: RouteArgs) {
  const page: LookupPage = { found: false, reference: echoReference(new URL(request.url).searchParams.get("ma-ho-so")), problems: [], retryAfter: 0 };
  return data(page, { headers: LOOKUP_PAGE_HEADERS });
}

/**
 * POST `/tra-cuu`: the case (200), or the form again with the reference kept and the code empty (400, 404, 429).
 * A domain above may pass the form it has read already and `onFound`, which adds `extra` to a found case.
 */
export async function lookUpCaseFromForm<X = never>(
  { request, context }: RouteArgs,
  hooks: { form?: FormData; onFound?: (sql: Pool, caseId: string, view: PartyCaseView) => Promise<X | undefined> } = {},
) {
  const form = hooks.form ?? (await request.formData());
  const rawReference = form.get("reference");
  const rawCode = form.get("accessCode");
  const reference = echoReference(rawReference);
  const accessCode = typeof rawCode === "string" ? rawCode : "";
  const again = (problems: LookupProblem[], status: number, retryAfter = 0) =>
    data({ found: false, reference, problems, retryAfter } satisfies LookupPage<X> as LookupPage<X>, {
      status,
      headers: { ...LOOKUP_PAGE_HEADERS, ...(retryAfter ? retryAfterHeader(retryAfter) : {}) },
    });
  const problems: LookupProblem[] = [];
  if (!reference) problems.push("referenceRequired");
  if (!accessCode.trim()) problems.push("accessCodeRequired");
  if (problems.length) return again(problems, 400);
  const { sql, config } = context.services;
  // The reference as typed (not the echo): a 10 kB or NUL-laden one is simply not a reference.
  const outcome = await lookUpPair(sql, { reference: typeof rawReference === "string" ? rawReference : "", accessCode, ip: context.clientIp, limits: config });
  if (!outcome.ok) return outcome.reason === "rate-limited" ? again(["rateLimited"], 429, outcome.retryAfterSeconds) : again(["notFound"], 404);
  const found = await partyCaseView(sql, { caseId: outcome.caseId });
  if (!found) return again(["notFound"], 404);
  // The page needs no internal id.
  const { caseId: _id, ...view } = found;
  const extra = hooks.onFound ? await hooks.onFound(sql, outcome.caseId, found) : undefined;
  return data({ found: true, reference: view.reference, view, ...(extra === undefined ? {} : { extra }) } satisfies LookupPage<X> as LookupPage<X>, {
    headers: LOOKUP_PAGE_HEADERS,
  });
}
