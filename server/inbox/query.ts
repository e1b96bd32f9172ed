/**
 * The inbox's GET parameters (docs/decisions/061-the-inbox.md): what a filter, sort, search or page link
 * carries, read leniently (an unknown or malformed value is reported with an i18n key and ignored, never a
 * 500). Pure code, browser-safe: the page builds its links with `inboxHref`.
 */
import { normaliseForSearch } from "../cases/browser";

/** The case types the inbox knows (the engine's registry holds their definitions). */
export const INBOX_CASE_TYPES = ["enforcement-request"] as const;

/** The states of the known case types, in the order a filter lists them. */
export const INBOX_STATES = ["received", "awaitingCitizen", "accepted", "refused", "officerAssigned", "closed"] as const;

export const INBOX_SORTS = ["received-desc", "received-asc", "due"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** Rows per page. */
export const PAGE_SIZE = 50;
/** The longest search accepted (after trimming); a longer one is refused with a message. */
export const MAX_QUERY_LENGTH = 100;

/** A keyset position: the sort key of a row (ISO timestamp, or a date / "infinity" for the due sort) and its id. */
export type Cursor = { key: string; id: string };

export type InboxQuery = {
  type: string | null;
  state: string | null;
  /** Received more than this many days ago. */
  age: number | null;
  due: "overdue" | "soon" | null;
  assigned: "me" | "none" | null;
  office: string | null;
  sort: InboxSort;
  /** The search as typed (shown back in the field). */
  q: string;
  /** The search normalised (diacritic-free, lower case); "" when none. */
  needle: string;
  after: Cursor | null;
  before: Cursor | null;
};

export type QueryErrors = Partial<Record<"type" | "state" | "age" | "due" | "assigned" | "office" | "sort" | "q" | "cursor", string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function b64urlEncode(text: string): string {
  // ASCII only (ISO timestamps, dates, uuids): btoa is enough and exists in Node and browsers.
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function b64urlDecode(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  try {
    return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
}

export function encodeCursor(c: Cursor): string {
  return b64urlEncode(`${c.key}~${c.id}`);
}

/** A cursor for `sort`, or null when it is not one (garbage, or made for another sort). */
export function decodeCursor(text: string, sort: InboxSort): Cursor | null {
  const raw = b64urlDecode(text);
  if (!raw) return null;
  const [key, id, ...rest] = raw.split("~");
  if (rest.length || !key || !id || !UUID.test(id)) return null;
  if (sort === "due" ? !(DAY.test(key) || key === "infinity") : !ISO.test(key)) return null;
  if (key !== "infinity" && Number.isNaN(Date.parse(key))) return null;
  return { key, id: id.toLowerCase() };
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null | undefined =>
  value === null || value === "" ? null : (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the inbox's parameters: every problem as an i18n key per parameter, the bad value dropped. */
export function parseInboxQuery(params: URLSearchParams): { query: InboxQuery; errors: QueryErrors } {
  const errors: QueryErrors = {};
  const get = (name: string) => {
    const v = params.get(name);
    return v === null ? null : v.trim();
  };
  const type = pick(get("type"), INBOX_CASE_TYPES);
  if (type === undefined) errors.type = "inbox.errors.type";
  const state = pick(get("state"), INBOX_STATES);
  if (state === undefined) errors.state = "inbox.errors.state";
  const due = pick(get("due"), ["overdue", "soon"] as const);
  if (due === undefined) errors.due = "inbox.errors.due";
  const assigned = pick(get("assigned"), ["me", "none"] as const);
  if (assigned === undefined) errors.assigned = "inbox.errors.assigned";
  const sortValue = pick(get("sort"), INBOX_SORTS);
  if (sortValue === undefined) errors.sort = "inbox.errors.sort";
  const sort = sortValue ?? "received-desc";

  let age: number | null = null;
  const ageText = get("age");
  if (ageText) {
    if (/^\d{1,4}$/.test(ageText)) age = Number(ageText);
    else errors.age = "inbox.errors.age";
  }
  let office: string | null = null;
  const officeText = get("office");
  if (officeText) {
    if (UUID.test(officeText)) office = officeText.toLowerCase();
    else errors.office = "inbox.errors.office";
  }
  let q = (params.get("q") ?? "").trim();
  let needle = "";
  if (q.length > MAX_QUERY_LENGTH) {
    errors.q = "inbox.errors.qTooLong";
    q = q.slice(0, MAX_QUERY_LENGTH);
  } else {
    needle = normaliseForSearch(q);
  }
  let after: Cursor | null = null;
  let before: Cursor | null = null;
  const afterText = get("after");
  const beforeText = get("before");
  if (afterText) {
    after = decodeCursor(afterText, sort);
    if (!after) errors.cursor = "inbox.errors.cursor";
  } else if (beforeText) {
    before = decodeCursor(beforeText, sort);
    if (!before) errors.cursor = "inbox.errors.cursor";
  }
  return {
    query: { type: type ?? null, state: state ?? null, age, due: due ?? null, assigned: assigned ?? null, office, sort, q, needle, after, before },
    errors,
  };
}

/** The filters of a query as GET parameters (no page position): for links, the export and the form. */
export function filterParams(q: Pick<InboxQuery, "type" | "state" | "age" | "due" | "assigned" | "office" | "sort" | "q">): Record<string, string | undefined> {
  return {
    q: q.q || undefined,
    type: q.type ?? undefined,
    state: q.state ?? undefined,
    age: q.age === null ? undefined : String(q.age),
    due: q.due ?? undefined,
    assigned: q.assigned ?? undefined,
    office: q.office ?? undefined,
    sort: q.sort === "received-desc" ? undefined : q.sort,
  };
}

/** `path?…` with the given parameters, empty ones left out. */
export function inboxHref(path: string, params: Record<string, string | undefined | null>): string {
  const parts = Object.entries(params)
    .filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `${path}?${parts.join("&")}` : path;
}

/** `like` pattern of a normalised search: % and _ (and the escape character) escaped, wrapped in %. */
export function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
