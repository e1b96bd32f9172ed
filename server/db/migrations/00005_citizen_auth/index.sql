-- Citizen sign-in (issue 6, part 1): e-mail codes and OpenID Connect identities use the tables of 00003.
-- A citizen who signs in with the national e-ID may have no e-mail address: the provider vouches for them.
alter table citizens alter column email drop not null;

-- The e-mail code is kept as an HMAC keyed with SESSION_SECRET (code_hash), so a leaked table cannot be
-- searched through the million possible codes. Old codes are pruned by expiry.
create index citizen_sign_in_codes_expires_idx on citizen_sign_in_codes (expires_at);
