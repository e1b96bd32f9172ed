import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { paths } from "../../vocabulary/paths";
import { retryAfterHeader, type RouteArgs } from "../http";
import { StaffSignInSchema } from "./schemas";
import { signInStaff } from "./staff.server";
import { skipSignInWhenSignedIn } from "./guards.server";
import { readCookie, serializeCookie, returnTarget } from "../http";
import { findSession, SESSION_COOKIE } from "./session.server";
import { getStaffProfile, openStaffSession, type SignInResult } from "./staff.server";
import { requireStaff, sessionCookie } from "./guards.server";
import {
  CHALLENGE_COOKIE,
  confirmSetUp,
  consumeChallenge,
  findChallenge,
  isAdministrator,
  pendingSetUp,
  resetSecondFactor,
  resetTarget,
  secondFactorKey,
  verifySecondFactor,
  type CodeRefused,
  type TxSql,
} from "./second-factor.server";

// What the staff second-factor routes do (docs/decisions/053-staff-second-factor.md), so that the route
// files only parse, call and render.

export const CODE_STEP_PATH = paths.staff.signInCode;
export const SET_UP_PATH = paths.staff.signInSetUp;
const STAFF_HOME = paths.staff.home;

/** A form error for the page: an i18n key and its values. */
export type StepError = { key: string; values?: Record<string, number>; status: number; retryAfter?: number };

const target = (context: AppLoadContext, candidate: unknown) =>
  returnTarget(candidate, { baseUrl: context.services.config.BASE_URL, fallback: STAFF_HOME });

function withQuery(context: AppLoadContext, path: string, redirectTo: string | null | undefined) {
  const t = returnTarget(redirectTo, { baseUrl: context.services.config.BASE_URL, fallback: "" });
  return t ? `${path}?redirectTo=${encodeURIComponent(t)}` : path;
}

function challengeCookie(context: AppLoadContext, token: string, maxAgeSeconds: number) {
  return serializeCookie(CHALLENGE_COOKIE, token, { maxAge: maxAgeSeconds, secure: context.services.config.isProduction });
}

const key = (context: AppLoadContext) => secondFactorKey(context.services.config.SESSION_SECRET);

const meta = (request: Request, context: AppLoadContext) => ({
  ip: context.clientIp,
  userAgent: request.headers.get("user-agent"),
  requestId: context.requestId,
  locale: context.locale,
});

/** The sign-in form after the right password: in (a session), or on to the code step or the set-up. */
export function afterPassword(context: AppLoadContext, result: Extract<SignInResult, { ok: true }>, redirectTo: string | undefined): Response {
  const maxAge = (result.expiresAt.getTime() - Date.now()) / 1000;
  if (result.step === "signed-in") {
    return redirect(target(context, redirectTo), { headers: { "Set-Cookie": sessionCookie(context, result.token, maxAge) } });
  }
  const path = result.step === "verify" ? CODE_STEP_PATH : SET_UP_PATH;
  return redirect(withQuery(context, path, redirectTo), { headers: { "Set-Cookie": challengeCookie(context, result.token, maxAge) } });
}

function refusal(r: CodeRefused): StepError {
  if (r.reason === "rate-limited") {
    return { key: "secondFactor.errors.rateLimited", values: { seconds: r.retryAfterSeconds }, status: 429, retryAfter: r.retryAfterSeconds };
  }
  return { key: r.reason === "reused" ? "secondFactor.errors.reused" : r.reason === "no-factor" ? "secondFactor.errors.noFactor" : "secondFactor.errors.wrongCode", status: 400 };
}

/** Thrown inside the transaction when the half-way cookie was used meanwhile (by another tab): rolls the code back. */
class ChallengeGone extends Error {}

/** The code step's loader: only with a live challenge (else back to the password). */
export async function loadCodeStep(request: Request, context: AppLoadContext) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const challenge = await findChallenge(context.services.sql, readCookie(request, CHALLENGE_COOKIE));
  if (!challenge) throw redirect(withQuery(context, "/staff/sign-in", redirectTo));
  if (challenge.purpose === "set-up") throw redirect(withQuery(context, SET_UP_PATH, redirectTo));
  return { redirectTo: returnTarget(redirectTo, { baseUrl: context.services.config.BASE_URL, fallback: "" }) };
}

/** The code step's form: a TOTP code or a recovery code; a session and on, or why not. */
export async function submitCode(request: Request, context: AppLoadContext, { code, redirectTo }: { code: string; redirectTo?: string }): Promise<Response | StepError> {
  const { sql } = context.services;
  const token = readCookie(request, CHALLENGE_COOKIE);
  const challenge = await findChallenge(sql, token);
  if (!token || !challenge || challenge.purpose !== "verify") return { key: "secondFactor.errors.expired", status: 400 };
  try {
    const r = await verifySecondFactor(
      sql,
      { staffId: challenge.staffId, code, key: key(context), ip: context.clientIp, requestId: context.requestId, limits: context.services.config },
      async (tx: TxSql) => {
        if (!(await consumeChallenge(tx, token))) throw new ChallengeGone();
        return openStaffSession(tx, challenge.staffId, meta(request, context));
      },
    );
    if (!r.ok) return refusal(r);
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(context, r.then.token, (r.then.expiresAt.getTime() - Date.now()) / 1000));
    headers.append("Set-Cookie", challengeCookie(context, "", 0));
    return redirect(target(context, redirectTo), { headers });
  } catch (e) {
    if (e instanceof ChallengeGone) return { key: "secondFactor.errors.expired", status: 400 };
    throw e;
  }
}

type SetUpWho = { mode: "sign-in"; staffId: string; email: string; token: string; used: boolean } | { mode: "signed-in"; staffId: string; email: string };

/** Who is setting up: the half-way cookie of a sign-in that requires it, else a signed-in staff member. */
async function setUpWho(request: Request, context: AppLoadContext, { includeUsed }: { includeUsed: boolean }): Promise<SetUpWho | null> {
  const { sql } = context.services;
  const token = readCookie(request, CHALLENGE_COOKIE);
  const challenge = await findChallenge(sql, token, { includeUsed });
  if (token && challenge?.purpose === "set-up") return { mode: "sign-in", staffId: challenge.staffId, email: challenge.email, token, used: challenge.used };
  const session = await findSession(sql, readCookie(request, SESSION_COOKIE));
  const profile = session?.staff_id ? await getStaffProfile(sql, { staffId: session.staff_id }) : null;
  return profile ? { mode: "signed-in", staffId: profile.id, email: profile.email } : null;
}

export type SetUpPage =
  | { state: "set-up"; mode: "sign-in" | "signed-in"; required: boolean; secret: string; qrDataUri: string; redirectTo: string }
  | { state: "enabled"; continueTo: string };

/**
 * The set-up page's loader: the QR code and the secret in text (the same until confirmed). Also after its
 * own form succeeded (Remix loads the page again for the answer), when it says the factor is on.
 */
export async function loadSetUp(request: Request, context: AppLoadContext): Promise<SetUpPage> {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const who = await setUpWho(request, context, { includeUsed: true });
  if (!who) throw redirect(withQuery(context, "/staff/sign-in", redirectTo));
  const view = who.mode === "sign-in" && who.used ? null : await pendingSetUp(context.services.sql, { staffId: who.staffId, email: who.email, key: key(context) });
  if (!view) return { state: "enabled", continueTo: target(context, redirectTo) };
  return {
    state: "set-up",
    mode: who.mode,
    required: context.services.config.STAFF_SECOND_FACTOR === "required",
    secret: view.secret,
    qrDataUri: view.qrDataUri,
    redirectTo: returnTarget(redirectTo, { baseUrl: context.services.config.BASE_URL, fallback: "" }),
  };
}

/**
 * The set-up form: the first code confirms the secret; the answer carries the ten recovery codes (shown
 * this once). In a sign-in, the same transaction opens the session.
 */
export async function confirmSetUpFromForm(
  request: Request,
  context: AppLoadContext,
  { code, redirectTo }: { code: string; redirectTo?: string },
): Promise<StepError | ReturnType<typeof data<{ recoveryCodes: string[]; continueTo: string }>>> {
  const { sql } = context.services;
  const who = await setUpWho(request, context, { includeUsed: false });
  if (!who) return { key: "secondFactor.errors.expired", status: 400 };
  try {
    const r = await confirmSetUp(
      sql,
      { staffId: who.staffId, code, key: key(context), ip: context.clientIp, requestId: context.requestId, limits: context.services.config },
      async (tx: TxSql) => {
        if (who.mode === "signed-in") return null;
        if (!(await consumeChallenge(tx, who.token))) throw new ChallengeGone();
        return openStaffSession(tx, who.staffId, meta(request, context));
      },
    );
    if (!r.ok) return refusal(r);
    const headers = new Headers();
    if (r.then) {
      headers.append("Set-Cookie", sessionCookie(context, r.then.token, (r.then.expiresAt.getTime() - Date.now()) / 1000));
      headers.append("Set-Cookie", challengeCookie(context, "", 0));
    }
    return data({ recoveryCodes: r.recoveryCodes, continueTo: target(context, redirectTo) }, { headers });
  } catch (e) {
    if (e instanceof ChallengeGone) return { key: "secondFactor.errors.expired", status: 400 };
    throw e;
  }
}

// ---- The administrator's reset page

/** Administrators only: anyone else gets the 403 page (and a guest the sign-in). */
async function requireAdministrator(request: Request, context: AppLoadContext) {
  const profile = await requireStaff(request, context);
  if (!(await isAdministrator(context.services.sql, profile.id))) throw data(null, { status: 403 });
  return profile;
}

export async function loadSecondFactorReset(request: Request, context: AppLoadContext, staffId: string) {
  await requireAdministrator(request, context);
  const person = await resetTarget(context.services.sql, staffId);
  if (!person) throw data(null, { status: 404 });
  return { person };
}

export async function resetFromForm(request: Request, context: AppLoadContext, staffId: string, { confirmed }: { confirmed: boolean }) {
  const admin = await requireAdministrator(request, context);
  if (!confirmed) return { ok: false as const, error: "secondFactor.reset.confirmRequired", status: 400 };
  const r = await resetSecondFactor(context.services.sql, { actorId: admin.id, targetStaffId: staffId, ip: context.clientIp, requestId: context.requestId });
  if (!r.ok) throw data(null, { status: r.reason === "forbidden" ? 403 : 404 });
  return { ok: true as const, sessionsRevoked: r.sessionsRevoked, status: 200 };
}

// ————— the sign-in page and the staff home (ADR 055: their route files only call and render) —————

/** The sign-in page: a signed-in staff member goes on to the staff home. */
export async function loadStaffSignIn({ request, context }: RouteArgs) {
  return skipSignInWhenSignedIn(request, context);
}

/** The password form posted: on to the second factor (its code, or its set-up), in, or the refusal (401, 429). */
export async function signInStaffFromForm({ request, context }: RouteArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: StaffSignInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: 0 }, { status: 400 });
  }
  const result = await signInStaff(context.services.sql, {
    email: submission.value.email,
    password: submission.value.password,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    requestId: context.requestId,
    locale: context.locale,
    limits: context.services.config,
    secondFactor: context.services.config.STAFF_SECOND_FACTOR,
  });
  if (!result.ok) {
    const rateLimited = result.reason === "rate-limited";
    return data(
      {
        result: submission.reply({ formErrors: [rateLimited ? "staff.rateLimited" : "staff.badCredentials"], hideFields: ["password"] }),
        retryAfter: rateLimited ? result.retryAfterSeconds : 0,
      },
      { status: rateLimited ? 429 : 401, headers: rateLimited ? retryAfterHeader(result.retryAfterSeconds) : {} },
    );
  }
  return afterPassword(context, result, submission.value.redirectTo);
}

/** The staff home: who is signed in and their roles. */
export async function loadStaffHome({ request, context }: RouteArgs) {
  return { staff: await requireStaff(request, context) };
}
