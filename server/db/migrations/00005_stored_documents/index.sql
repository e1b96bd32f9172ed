-- Documents that do not change once issued (a receipt's PDF, its QR code, a filed request's PDF), rendered
-- once per version and kept (ADR 057). A receipt that is cancelled is a new version of its PDF; each
-- locale is its own row where the document differs by language ('-' where it does not). The owner is the
-- receipt or filing request the document belongs to; who may read it is decided by the route that serves
-- it, exactly as before, never by this table.
create table stored_documents (
  kind text not null check (kind in ('receipt-pdf', 'receipt-qr', 'filing-request-pdf')),
  owner_id uuid not null,
  version int not null check (version >= 1),
  locale text not null check (locale in ('vi', 'en', '-')),
  content_type text not null check (length(content_type) <= 100),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea not null,
  created_at timestamptz not null default now(),
  primary key (kind, owner_id, version, locale)
);
