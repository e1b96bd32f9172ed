import { paths } from "../../vocabulary/paths";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { readCookie, serializeCookie, returnTarget } from "../http";
import { DRAFT_COOKIE } from "./claims.server";
import { requestSignInCode, verifySignInCode, citizenOverview, getCitizen, CODE_TTL_MINUTES } from "./citizen.server";
import {
  citizenSessionCookie,
  currentCitizen,
  extendCitizenSession,
  readSignInEmail,
  signInEmailCookie,
  signOutCitizen,
  clearSessionCookie,
  requireCitizen,
} from "./guards.server";
import { revokeSession, SESSION_COOKIE } from "./session.server";
import { finishOidcSignIn, oidcSettings, startOidcSignIn, OidcError, OIDC_COOKIE } from "./oidc.server";

// What the citizen sign-in routes do, so that the route files only parse, call and render.

const ACCOUNT_PATH = paths.account;

/** Time left is sent relative (not as a date), so the browser's clock being off does not matter. */
const secondsUntil = (at: Date) => Math.max(0, Math.floor((at.getTime() - Date.now()) / 1000));

/** A form error for the page: an i18n key and its values. */
export type PageError = { key: string; values?: Record<string, string | number>; field?: "code"; status: number; retryAfter?: number };

/** A new sign-in replaces whatever session this browser held (a previous citizen's, or staff's). */
async function endPreviousSession(request: Request, context: AppLoadContext) {
  const previous = readCookie(request, SESSION_COOKIE);
  if (previous) await revokeSession(context.services.sql, previous);
}

/** Where to go after signing in: a path on the portal (see return-target.server.ts), else `fallback`. */
const target = (context: AppLoadContext, candidate: unknown, fallback = ACCOUNT_PATH) =>
  returnTarget(candidate, { baseUrl: context.services.config.BASE_URL, fallback });

function withQuery(context: AppLoadContext, path: string, redirectTo: string | null | undefined) {
  const target = returnTarget(redirectTo, { baseUrl: context.services.config.BASE_URL, fallback: "" });
  return target ? `${path}?redirectTo=${encodeURIComponent(target)}` : path;
}

/** /dang-nhap's loader: a signed-in citizen goes on; others see the form (and the e-ID button if configured). */
export async function loadSignInPage(request: Request, context: AppLoadContext) {
  const url = new URL(request.url);
  const redirectTo = target(context, url.searchParams.get("redirectTo"));
  if (await currentCitizen(request, context)) throw redirect(redirectTo);
  const settings = oidcSettings(context.services.config);
  return {
    oidcProvider: settings?.providerName ?? null,
    email: readSignInEmail(request) ?? "",
    notice: (["signedOut", "signedOutEverywhere", "sessionEnded", "oidcFailed"] as const).find((k) => url.searchParams.has(k)) ?? null,
  };
}

/** "Send me a code": always the same next page, whatever the address. */
export async function sendCode(context: AppLoadContext, { email, redirectTo }: { email: string; redirectTo?: string }): Promise<Response | PageError> {
  const result = await requestSignInCode(context.services.sql, {
    email,
    secret: context.services.config.SESSION_SECRET,
    locale: context.locale,
    ip: context.clientIp,
    requestId: context.requestId,
    limits: context.services.config,
  });
  if (!result.ok) {
    return { key: "account.errors.rateLimited", values: { seconds: result.retryAfterSeconds }, status: 429, retryAfter: result.retryAfterSeconds };
  }
  return redirect(withQuery(context, paths.signInCode, redirectTo), {
    headers: { "Set-Cookie": signInEmailCookie(context, email.trim().toLowerCase()) },
  });
}

/** /dang-nhap/ma's loader: the address the code went to, or back to the first page. */
export function loadCodePage(request: Request, context: AppLoadContext) {
  const email = readSignInEmail(request);
  if (!email) {
    throw redirect(withQuery(context, paths.signIn, new URL(request.url).searchParams.get("redirectTo")));
  }
  return { email, minutes: CODE_TTL_MINUTES, resent: new URL(request.url).searchParams.has("resent") };
}

/** The code form: a session and on to where the citizen was going, or why not. */
export async function signInWithCode(
  request: Request,
  context: AppLoadContext,
  { code, redirectTo }: { code: string; redirectTo?: string },
): Promise<Response | PageError> {
  const email = readSignInEmail(request);
  if (!email) return redirect(paths.signIn);
  const result = await verifySignInCode(context.services.sql, {
    email,
    code,
    secret: context.services.config.SESSION_SECRET,
    sessionTtlSeconds: context.services.config.CITIZEN_SESSION_TTL_SECONDS,
    locale: context.locale,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    requestId: context.requestId,
    draftToken: readCookie(request, DRAFT_COOKIE),
    limits: context.services.config,
  });
  if (result.ok) {
    await endPreviousSession(request, context);
    const headers = new Headers();
    headers.append("Set-Cookie", citizenSessionCookie(context, result.token, result.expiresAt));
    headers.append("Set-Cookie", signInEmailCookie(context, null));
    return redirect(target(context, redirectTo), { headers });
  }
  switch (result.reason) {
    case "wrong-code":
      return { key: "account.errors.wrongCode", values: { count: result.attemptsLeft }, field: "code", status: 400 };
    case "expired":
      return { key: "account.errors.expired", status: 400 };
    case "too-many-attempts":
      return { key: "account.errors.tooManyAttempts", status: 400 };
    case "no-code":
      return { key: "account.errors.noCode", status: 400 };
    case "rate-limited":
      return { key: "account.errors.rateLimited", values: { seconds: result.retryAfterSeconds }, status: 429, retryAfter: result.retryAfterSeconds };
  }
}

/** "Send a new code" from the code page. */
export async function resendCode(request: Request, context: AppLoadContext, { redirectTo }: { redirectTo?: string }): Promise<Response | PageError> {
  const email = readSignInEmail(request);
  if (!email) return redirect(paths.signIn);
  const r = await sendCode(context, { email, redirectTo });
  if (!(r instanceof Response)) return r;
  const target = new URL(r.headers.get("location")!, "http://x");
  target.searchParams.set("resent", "1");
  return redirect(target.pathname + target.search, { headers: r.headers });
}

function oidcCookie(context: AppLoadContext, value: string, maxAge: number) {
  return serializeCookie(OIDC_COOKIE, value, { maxAge, secure: context.services.config.isProduction });
}

/** The e-ID button: off (404) unless configured; a provider that cannot be reached sends the citizen back. */
export async function beginOidc(context: AppLoadContext, { redirectTo }: { redirectTo?: string }): Promise<Response> {
  const settings = oidcSettings(context.services.config);
  if (!settings) throw new Response(null, { status: 404 });
  try {
    const start = await startOidcSignIn(settings, { redirectTo: target(context, redirectTo) });
    return redirect(start.url, { headers: { "Set-Cookie": oidcCookie(context, start.cookieValue, start.maxAgeSeconds) } });
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    context.services.log.warn({ err: e.message }, "OIDC discovery failed");
    return redirect(`${paths.signIn}?oidcFailed=1`);
  }
}

/** The provider's redirect back. */
export async function completeOidc(request: Request, context: AppLoadContext): Promise<Response> {
  const settings = oidcSettings(context.services.config);
  if (!settings) throw new Response(null, { status: 404 });
  const result = await finishOidcSignIn(context.services.sql, settings, {
    callbackUrl: new URL(request.url),
    cookieValue: readCookie(request, OIDC_COOKIE),
    locale: context.locale,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    requestId: context.requestId,
    sessionTtlSeconds: context.services.config.CITIZEN_SESSION_TTL_SECONDS,
    draftToken: readCookie(request, DRAFT_COOKIE),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", oidcCookie(context, "", 0));
  if (!result.ok) return redirect(`${paths.signIn}?oidcFailed=1`, { headers });
  await endPreviousSession(request, context);
  headers.append("Set-Cookie", citizenSessionCookie(context, result.token, result.expiresAt));
  return redirect(target(context, result.redirectTo), { headers });
}

/** "Extend my session": JSON for the timeout warning's script, a redirect for a plain form. */
export async function extendFromForm(request: Request, context: AppLoadContext, { js, redirectTo }: { js: boolean; redirectTo?: string }) {
  const extended = await extendCitizenSession(request, context);
  if (!extended) {
    if (js) return data({ secondsLeft: 0 });
    return redirect(`${paths.signIn}?sessionEnded=1`, { headers: { "Set-Cookie": clearSessionCookie(context) } });
  }
  const headers = { "Set-Cookie": extended.cookie };
  if (js) return data({ secondsLeft: secondsUntil(extended.expiresAt) }, { headers });
  const back = new URL(target(context, redirectTo), "http://x");
  back.searchParams.set("extended", "1");
  return redirect(back.pathname + back.search + back.hash, { headers });
}

export async function signOutFromForm(request: Request, context: AppLoadContext, { everywhere }: { everywhere: boolean }) {
  await signOutCitizen(request, context, { everywhere });
  return redirect(`${paths.signIn}?${everywhere ? "signedOutEverywhere" : "signedOut"}=1`, {
    headers: { "Set-Cookie": clearSessionCookie(context) },
  });
}

/** /tai-khoan: who is signed in, when the session ends, their drafts and requests. */
export async function loadAccountPage(request: Request, context: AppLoadContext) {
  const session = await requireCitizen(request, context);
  const [citizen, overview] = await Promise.all([
    getCitizen(context.services.sql, { citizenId: session.citizenId }),
    citizenOverview(context.services.sql, { citizenId: session.citizenId }),
  ]);
  if (!citizen) throw redirect(`${paths.signIn}?sessionEnded=1`, { headers: { "Set-Cookie": clearSessionCookie(context) } });
  return {
    email: citizen.email,
    fullName: citizen.fullName,
    expiresAt: session.expiresAt.toISOString(),
    extended: new URL(request.url).searchParams.has("extended"),
    drafts: overview.drafts.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })),
    requests: overview.requests.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
    activeSessions: overview.activeSessions,
  };
}

/** For the layout: is a citizen signed in, and until when (the timeout warning counts down to it). */
export async function citizenStatus(request: Request, context: AppLoadContext) {
  // Guests cost no query; and a database outage must still leave the layout (and its error page) working.
  if (!readCookie(request, SESSION_COOKIE)) return null;
  try {
    const session = await currentCitizen(request, context);
    return session ? { secondsLeft: secondsUntil(session.expiresAt), ttlSeconds: context.services.config.CITIZEN_SESSION_TTL_SECONDS } : null;
  } catch (e) {
    context.services.log.warn({ err: (e as Error).message }, "citizen status unavailable");
    return null;
  }
}
