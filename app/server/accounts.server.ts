// The browser-build boundary for server/accounts: Remix's classic compiler replaces `*.server` modules
// inside app/ with empty ones in the browser bundle, but follows imports that reach server/ directly.
export { signInStaff } from "../../server/accounts/staff.server";
export {
  requireStaff,
  requireStaffArea,
  staffStatus,
  sessionCookie,
  clearSessionCookie,
  signOutStaff,
  currentCitizen,
  requireCitizen,
  citizenSessionCookie,
  extendCitizenSession,
  signOutCitizen,
  signInEmailCookie,
  readSignInEmail,
} from "../../server/accounts/guards.server";
export { staffAreasFor, STAFF_AREAS, type StaffArea } from "../../server/accounts/staff-areas";
export { findSession, SESSION_COOKIE } from "../../server/accounts/session.server";
export {
  requestSignInCode,
  verifySignInCode,
  getCitizen,
  citizenOverview,
  CODE_TTL_MINUTES,
} from "../../server/accounts/citizen.server";
export { oidcSettings, startOidcSignIn, finishOidcSignIn, OidcError, OIDC_COOKIE } from "../../server/accounts/oidc.server";
export {
  loadSignInPage,
  sendCode,
  loadCodePage,
  signInWithCode,
  resendCode,
  beginOidc,
  completeOidc,
  extendFromForm,
  signOutFromForm,
  loadAccountPage,
  citizenStatus,
  type PageError,
} from "../../server/accounts/citizen-web.server";
export { loadStaffSignIn, signInStaffFromForm, loadStaffHome } from "../../server/accounts/staff-web.server";
