import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { readCookie, serializeCookie } from "../http";
import { extendSession, findSession, revokeSession, revokeAllSessions, SESSION_COOKIE } from "./session.server";
import { getStaffProfile, type StaffProfile } from "./staff.server";
import { audit } from "../audit";
import { canUseArea, staffAreasFor, type StaffArea } from "./staff-areas";
import { hasSecondFactor } from "./second-factor.server";
import { paths, withQuery } from "../../vocabulary/paths";

/** The signed-in staff member, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireStaff(request: Request, context: AppLoadContext): Promise<StaffProfile> {
  const profile = await currentStaff(request, context);
  if (!profile) {
    const url = new URL(request.url);
    throw redirect(withQuery(paths.staff.signIn, { redirectTo: url.pathname + url.search }));
  }
  return profile;
}

/** The signed-in staff member, or null (pages a signed-in person should skip, such as the sign-in form). */
export async function currentStaff(request: Request, context: AppLoadContext): Promise<StaffProfile | null> {
  const session = await findSession(context.services.sql, readCookie(request, SESSION_COOKIE));
  return session?.staff_id ? getStaffProfile(context.services.sql, { staffId: session.staff_id }) : null;
}

/** The sign-in page's loader: a signed-in staff member goes straight to the staff area. */
export async function skipSignInWhenSignedIn(request: Request, context: AppLoadContext): Promise<null> {
  if (await currentStaff(request, context)) throw redirect("/staff");
  return null;
}

/** A signed-in staff member who may use `area` (STAFF_AREAS); a 403 page for other staff. */
export async function requireStaffArea(request: Request, context: AppLoadContext, area: StaffArea): Promise<StaffProfile> {
  const profile = await requireStaff(request, context);
  if (!canUseArea(profile.roles, area)) throw data(null, { status: 403 });
  return profile;
}

/**
 * For the layout: the signed-in staff member's name, the areas they can use and whether their second
 * factor is on (the banner says so when it is not, and whether it is required); null for everyone else.
 */
export async function staffStatus(request: Request, context: AppLoadContext) {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  try {
    const session = await findSession(context.services.sql, token);
    if (!session?.staff_id) return null;
    const [profile, secondFactor] = await Promise.all([
      getStaffProfile(context.services.sql, { staffId: session.staff_id }),
      hasSecondFactor(context.services.sql, session.staff_id),
    ]);
    return profile
      ? { fullName: profile.fullName, areas: staffAreasFor(profile), secondFactor: { enabled: secondFactor, policy: context.services.config.STAFF_SECOND_FACTOR } }
      : null;
  } catch (e) {
    context.services.log.warn({ err: (e as Error).message }, "staff status unavailable");
    return null;
  }
}

export function sessionCookie(context: AppLoadContext, token: string, maxAgeSeconds: number): string {
  return serializeCookie(SESSION_COOKIE, token, { maxAge: maxAgeSeconds, secure: context.services.config.isProduction });
}

export function clearSessionCookie(context: AppLoadContext): string {
  return serializeCookie(SESSION_COOKIE, "", { maxAge: 0, secure: context.services.config.isProduction });
}

/** Signs the current session out, or every session of the staff member with `everywhere`. */
export async function signOutStaff(request: Request, context: AppLoadContext, { everywhere }: { everywhere: boolean }) {
  const { sql } = context.services;
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return;
  const session = await findSession(sql, token);
  if (everywhere && session?.staff_id) {
    await revokeAllSessions(sql, { staffId: session.staff_id });
  } else {
    await revokeSession(sql, token);
  }
  if (session?.staff_id) {
    await audit(sql, {
      actorType: "staff",
      actorId: session.staff_id,
      action: everywhere ? "staff.sign_out_everywhere" : "staff.sign_out",
      ip: context.clientIp,
      requestId: context.requestId,
    });
  }
}

// ---- Citizens: the same cookie (a session row belongs to a staff member or to a citizen, never both);
// see docs/decisions/040-citizen-sign-in.md.

export type CitizenSession = { citizenId: string; expiresAt: Date; token: string };

/** The signed-in citizen behind the cookie, or null. */
export async function currentCitizen(request: Request, context: AppLoadContext): Promise<CitizenSession | null> {
  const token = readCookie(request, SESSION_COOKIE);
  const session = await findSession(context.services.sql, token);
  if (!session?.citizen_id || !token) return null;
  return { citizenId: session.citizen_id, expiresAt: session.expires_at, token };
}

/** The signed-in citizen, or a redirect to /dang-nhap that comes back here afterwards. */
export async function requireCitizen(request: Request, context: AppLoadContext): Promise<CitizenSession> {
  const citizen = await currentCitizen(request, context);
  if (!citizen) {
    const url = new URL(request.url);
    throw redirect(withQuery(paths.signIn, { redirectTo: url.pathname + url.search }));
  }
  return citizen;
}

/** The citizen's session cookie lives exactly as long as the session row. */
export function citizenSessionCookie(context: AppLoadContext, token: string, expiresAt: Date): string {
  return sessionCookie(context, token, (expiresAt.getTime() - Date.now()) / 1000);
}

/** Extends the current citizen session by CITIZEN_SESSION_TTL_SECONDS; null when there is none. */
export async function extendCitizenSession(request: Request, context: AppLoadContext): Promise<{ expiresAt: Date; cookie: string } | null> {
  const token = readCookie(request, SESSION_COOKIE);
  const current = await findSession(context.services.sql, token);
  if (!current?.citizen_id || !token) return null;
  const session = await extendSession(context.services.sql, token, context.services.config.CITIZEN_SESSION_TTL_SECONDS);
  if (!session) return null;
  await audit(context.services.sql, {
    actorType: "citizen",
    actorId: current.citizen_id,
    action: "citizen.session_extended",
    ip: context.clientIp,
    requestId: context.requestId,
  });
  return { expiresAt: session.expires_at, cookie: citizenSessionCookie(context, token, session.expires_at) };
}

/** Signs the citizen out here, or on every device with `everywhere`. */
export async function signOutCitizen(request: Request, context: AppLoadContext, { everywhere }: { everywhere: boolean }) {
  const { sql } = context.services;
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return;
  const session = await findSession(sql, token);
  if (!session?.citizen_id) return;
  if (everywhere) await revokeAllSessions(sql, { citizenId: session.citizen_id });
  else await revokeSession(sql, token);
  await audit(sql, {
    actorType: "citizen",
    actorId: session.citizen_id,
    action: everywhere ? "citizen.sign_out_everywhere" : "citizen.sign_out",
    ip: context.clientIp,
    requestId: context.requestId,
  });
}

/** Between "send me a code" and "here is the code", the address waits in a short-lived cookie (not the URL). */
export const SIGN_IN_EMAIL_COOKIE = "thads_signin_email";

export function signInEmailCookie(context: AppLoadContext, email: string | null): string {
  return serializeCookie(SIGN_IN_EMAIL_COOKIE, email ?? "", {
    maxAge: email ? 15 * 60 : 0,
    secure: context.services.config.isProduction,
  });
}

export function readSignInEmail(request: Request): string | null {
  const value = readCookie(request, SIGN_IN_EMAIL_COOKIE);
  return value && value.length <= 254 && value.includes("@") ? value : null;
}
