// The browser-build boundary for server/accounts: Remix's classic compiler replaces `*.server` modules
// inside app/ with empty ones in the browser bundle, but follows imports that reach server/ directly.
export { signInStaff } from "../../server/accounts/staff.server";
export { requireStaff, sessionCookie, clearSessionCookie, signOutStaff } from "../../server/accounts/guards.server";
export { findSession, SESSION_COOKIE } from "../../server/accounts/session.server";
