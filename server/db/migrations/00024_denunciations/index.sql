-- Denunciations (issue 14 item 4, docs/decisions/076): the staff role that handles them, and the
-- denouncer's identity kept apart from submissions.answers, readable only by that role at the office.
alter type staff_role add value if not exists 'denunciation-handler';

create table denunciation_identities (
  submission_id uuid primary key references submissions (id),
  full_name text not null check (length(full_name) between 1 and 200),
  address text not null check (length(address) between 1 and 500),
  id_number text not null check (length(id_number) between 1 and 20),
  email text check (email is null or length(email) <= 320),
  phone text check (phone is null or length(phone) <= 30),
  created_at timestamptz not null default now()
);
