-- Signed receipts of service (issue 14 item 2, docs/decisions/080): the proof of one service of a document
-- (document_services: served electronically and opened by the party, or served on paper) as a JWS signed
-- with the receipts' key (ADR 031) and verifiable with /.well-known/jwks.json alone. One per service row; the
-- JWS is the receipt: the public page /xac-minh-tong-dat/<code> and its PDF show what it says.
create table service_receipts (
  -- The public code printed on the receipt of service (the verification page's address).
  code text primary key check (code ~ '^[A-Z0-9]{16}$'),
  service_id uuid not null unique references document_services (id),
  jws text not null,
  kid text not null,
  issued_at timestamptz not null default now()
);
-- Never changed nor deleted once issued: the trigger is in server/service-of-documents/rules.sql (ADR 054).
