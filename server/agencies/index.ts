// The public entry of the agencies domain (docs/decisions/052-agencies-and-one-scope.md): organisation data
// (the agency tree, courts and the office receiving each court's judgments, staff accounts and their roles,
// courts' API keys) and the one staff scope every staff query uses.
export { scopedAgencies, actsAt, agenciesInScope } from "./scope.server";
export {
  listCourts,
  findCourt,
  courtIdByCode,
  courtIdsByCode,
  agencyIdByCode,
  hashApiKey,
  issueCourtKey,
  revokeCourtKey,
  courtByApiKey,
  seedDemoCourts,
  DEMO_COURTS,
  type Court,
} from "./courts.server";
export * from "./browser";
export { listAgencyTree, getAgency } from "./tree.server";
export {
  changeAgencyFromForm,
  changeCourtFromForm,
  changeStaffFromForm,
  createAgencyFromForm,
  createCourtFromForm,
  createStaffFromForm,
  importTreeFromForm,
  loadAdminHome,
  loadAgency,
  loadAgencyTree,
  loadCourt,
  loadCourts,
  loadStaffAccount,
  loadStaffAccounts,
  loadTreeImport,
  TREE_IMPORT_BODY_LIMIT,
  TREE_IMPORT_PATH,
  type TreeImportView,
} from "./admin-web.server";
