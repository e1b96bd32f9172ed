-- Certificates of enforcement result (issue 14 item 6, docs/decisions/077): one per confirmation case, signed
-- with the receipts' key (ADR 031) when the office confirms. The JWS is the certificate: its claims are what
-- was confirmed; the public page /xac-minh-xac-nhan/<code> and anyone holding /.well-known/jwks.json verify it.
create table confirmation_certificates (
  -- The public code printed on the certificate (the verification page's address).
  code text primary key check (code ~ '^[A-Z0-9]{16}$'),
  case_id uuid not null unique references cases (id),
  -- The confirm event the certificate records (case_events.seq of the case).
  event_seq int not null,
  jws text not null,
  kid text not null,
  issued_at timestamptz not null default now()
);
