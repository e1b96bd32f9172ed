// Browser-build boundary for server/organisations (see accounts.server.ts).
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
} from "../../server/organisations";
