// Browser-build boundary for server/agencies (see accounts.server.ts).
export { listCourts } from "../../server/agencies/index";
export {
  loadAdminHome,
  loadAgencyTree,
  createAgencyFromForm,
  loadAgency,
  changeAgencyFromForm,
  loadTreeImport,
  importTreeFromForm,
  loadStaffAccounts,
  createStaffFromForm,
  loadStaffAccount,
  changeStaffFromForm,
  loadCourts,
  createCourtFromForm,
  loadCourt,
  changeCourtFromForm,
  type TreeImportView,
} from "../../server/agencies";
