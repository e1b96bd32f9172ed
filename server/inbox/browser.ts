// Browser-safe part of server/inbox: the GET parameters of the list and the links built from them.
export {
  INBOX_CASE_TYPES,
  INBOX_SORTS,
  INBOX_STATES,
  MAX_QUERY_LENGTH,
  PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  filterParams,
  inboxHref,
  likePattern,
  parseInboxQuery,
  type Cursor,
  type InboxQuery,
  type InboxSort,
  type QueryErrors,
} from "./query";
