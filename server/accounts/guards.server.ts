import { redirect, type AppLoadContext } from "@remix-run/node";
import { readCookie, serializeCookie } from "../http/cookies.server";
import { findSession, revokeSession, revokeAllSessions, SESSION_COOKIE } from "./session.server";
import { getStaffProfile, type StaffProfile } from "./staff.server";
import { audit } from "../audit/audit.server";

/** The signed-in staff member, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireStaff(request: Request, context: AppLoadContext): Promise<StaffProfile> {
  const session = await findSession(context.services.sql, readCookie(request, SESSION_COOKIE));
  const profile = session?.staff_id ? await getStaffProfile(context.services.sql, { staffId: session.staff_id }) : null;
  if (!profile) {
    const url = new URL(request.url);
    throw redirect(`/staff/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return profile;
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
