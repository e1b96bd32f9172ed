import type { Pool } from "../db";
import { markExpired } from "./entries.server";

// The public entry of server/debtor-list (docs/decisions/072-debtor-list.md): the public list of judgment
// debtors who cannot yet pay — the officers' entries from their cases (add, change, remove, each audited,
// scoped in SQL), the public search and its open-data export, the periods as legal rules, and the daily task
// that marks expired entries. Other domains and app/server/ import only from here.
export { loadPublicDebtorList, exportPublicDebtorList } from "./web.server";
export { loadStaffDebtorList, loadNewEntry, addEntryFromForm, loadStaffEntry, staffEntryAction, type FormErrors } from "./staff-web.server";
export { markExpired, addEntry, editEntry, removeEntry, entryForStaff, listForStaff, caseForEntry, WRITE_ROLES, VIEW_ROLES, EXPIRING_DAYS, type StaffEntry } from "./entries.server";
export { searchPublic, publicPageQuery, openDataStream, OPEN_DATA_FIELDS, PUBLIC_PAGE_SIZE, type PublicEntry } from "./public.server";
export { seedDemoDebtorList } from "./seed.server";
export { publishBy, publishedUntil, changeBy, removeBy } from "./rules";
export { EntrySchema, EditSchema, RemovalSchema, REMOVAL_GROUNDS, SEARCH_MAX, parsePublicQuery, type PublicQuery, type RemovalGround } from "./schemas";

/** The daily task: entries past their publication period are marked (the public reads already leave them out). */
export function debtorListTasks(services: { sql: Pool; log: { info: (o: object, m: string) => void } }) {
  return {
    debtor_list_expire: async () => {
      const n = await markExpired(services.sql);
      if (n) services.log.info({ n }, "debtor-list entries past their publication period marked");
    },
  };
}
/** 17:05 UTC = 00:05 in Vietnam, just after the day an entry's period ends. */
export const DEBTOR_LIST_CRONTAB = "5 17 * * * debtor_list_expire";
