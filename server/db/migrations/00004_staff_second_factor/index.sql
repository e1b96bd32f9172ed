-- A second factor for staff (docs/decisions/053-staff-second-factor.md): a TOTP secret per staff member,
-- encrypted by the application (AES-256-GCM; the table never holds it in clear), the last time-step a code
-- was accepted for (a code is refused again in its window: compared and set in one update), ten
-- single-use recovery codes (salted SHA-256 of a random 50-bit code), and the half-way state between the
-- password and the code, which is not a session.
create table staff_second_factors (
  staff_id uuid primary key references staff (id) on delete cascade,
  secret_sealed bytea not null,
  -- null while set-up waits for the first code; the factor counts only once confirmed
  confirmed_at timestamptz,
  last_used_step bigint,
  created_at timestamptz not null default now()
);

create table staff_recovery_codes (
  id bigint generated always as identity primary key,
  staff_id uuid not null references staff (id) on delete cascade,
  salt bytea not null,
  code_hash bytea not null,
  used_at timestamptz
);
create index staff_recovery_codes_staff_idx on staff_recovery_codes (staff_id) where used_at is null;

-- After the right password and before the code (or the set-up): its own cookie, never a session, so
-- nothing behind requireStaff accepts it.
create table staff_sign_in_challenges (
  id_hash bytea primary key,
  staff_id uuid not null references staff (id) on delete cascade,
  purpose text not null check (purpose in ('verify', 'set-up')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index staff_sign_in_challenges_staff_idx on staff_sign_in_challenges (staff_id);
