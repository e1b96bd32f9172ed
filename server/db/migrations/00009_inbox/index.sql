-- The inbox (issue 12, docs/decisions/061-the-inbox.md): one list of an office's work, paged by keyset,
-- searched on the normalised cases.search_text (server/cases/search.ts) with a trigram index.
create extension if not exists pg_trgm;

-- Search: `search_text like '%' || q || '%'` (q normalised the same way, % and _ escaped) uses this index;
-- the agency filter is applied on the bitmap it returns (or the agency index is used when an office holds few rows).
create index cases_search_trgm_idx on cases using gin (search_text gin_trgm_ops);

-- Sorting by due date: cases without a running clock last ('infinity'), keyset on (due, id) per office.
create index cases_agency_due_order_idx on cases (agency_id, (coalesce(next_due_on, 'infinity'::date)), id);

-- Dashboard counts and the "new" filter: received and unassigned, per office.
create index cases_agency_unassigned_idx on cases (agency_id, state) where assignee_id is null;
