// The public entry of server/accounts: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export * from "./browser";
export {
  beginOidc,
  citizenStatus,
  completeOidc,
  extendFromForm,
  loadAccountPage,
  loadCodePage,
  loadSignInPage,
  type PageError,
  resendCode,
  sendCode,
  signInWithCode,
  signOutFromForm,
} from "./citizen-web.server";
export {
  citizenOverview,
  CODE_TTL_MINUTES,
  getCitizen,
  openCode,
  openCitizenSession,
  requestSignInCode,
  verifySignInCode,
} from "./citizen.server";
export { claimDraft, DRAFT_COOKIE } from "./claims.server";
export {
  citizenSessionCookie,
  clearSessionCookie,
  currentCitizen,
  currentStaff,
  extendCitizenSession,
  readSignInEmail,
  requireCitizen,
  requireStaff,
  requireStaffArea,
  sessionCookie,
  SIGN_IN_EMAIL_COOKIE,
  signInEmailCookie,
  signOutCitizen,
  signOutStaff,
  staffStatus,
  skipSignInWhenSignedIn,
} from "./guards.server";
export { accountTasks } from "./jobs.server";
export {
  finishOidcSignIn,
  OIDC_COOKIE,
  OidcError,
  oidcSettings,
  openFlow,
  sealFlow,
  startOidcSignIn,
} from "./oidc.server";
export { createSession, findSession, SESSION_COOKIE } from "./session.server";
export { STAFF_AREAS, type StaffArea, staffAreasFor } from "./staff-areas";
export { createStaff, signInStaff, type StaffProfile, type StaffRole } from "./staff.server";
export { hashPassword } from "./password.server";
export { revokeAllSessions } from "./session.server";
export {
  afterPassword,
  confirmSetUpFromForm,
  loadCodeStep,
  loadSecondFactorReset,
  loadSetUp,
  resetFromForm,
  type SetUpPage,
  type StepError,
  submitCode,
} from "./staff-web.server";
export { loadStaffHome, loadStaffSignIn, signInStaffFromForm } from "./staff-web.server";
