// The public entry of server/organisations (ADR 050, 065, 069): businesses that follow many cases — their
// members, the cases they follow, the bulk lookup. API keys and webhooks are server/api's.
import type { UploadRoute } from "../http";
import { BULK_MAX_BYTES } from "./bulk.server";

export {
  membershipOf,
  membershipsOf,
  followsCase,
  followersOf,
  createOrganisation,
  addMember,
  changeMember,
  membersOf,
  type Membership,
  type OrganisationRole,
  type MemberRow,
  type OrganisationProblem,
} from "./membership.server";
export { followedCases, followedCase, followByPair, followCases, unfollowCase, PAGE_SIZE } from "./cases.server";
export { readBulkFile, runBulkLookup, bulkRun, bulkCsv, headerKey, BULK_PAGE_ROWS, BULK_MAX_ROWS, BULK_MAX_BYTES, BULK_TTL_MINUTES, BULK_RUNS_PER_HOUR, type BulkRun, type BulkFileProblem } from "./bulk.server";
export { seedDemoOrganisation, DEMO_ORGANISATION } from "./seed.server";
export {
  loadMyOrganisations,
  createOrganisationFromForm,
  loadOrganisationCases,
  organisationCasesAction,
  loadOrganisationCase,
  loadMembers,
  membersAction,
  loadBulkLookup,
  bulkLookupAction,
  loadBulkRun,
  downloadBulkCsv,
} from "./web.server";

/** The bulk lookup's upload form: its whole body may carry the file at its cap and a little for the fields. */
export const ORGANISATION_UPLOAD_ROUTES: readonly UploadRoute[] = [{ path: "/to-chuc/:id/tra-cuu-hang-loat", limit: BULK_MAX_BYTES + 64 * 1024 }];
