// The browser-build boundary for server/debtor-list (see app/server/accounts.server.ts).
export { loadPublicDebtorList, exportPublicDebtorList, loadStaffDebtorList, loadNewEntry, addEntryFromForm, loadStaffEntry, staffEntryAction, type FormErrors } from "../../server/debtor-list";
