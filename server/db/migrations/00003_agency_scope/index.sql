-- Agencies and one scope (issue 11, docs/decisions/052-agencies-and-one-scope.md): a role held at an
-- office may also reach the offices below it in the tree (a provincial head who oversees the regional
-- offices). Off by default, so every existing role sees exactly what it saw before. The scope itself is
-- computed in TypeScript-built SQL (server/agencies/scope.server.ts), not in a database function.
alter table staff_roles add column reaches_sub_offices boolean not null default false;

-- When the court's current API key was issued (shown on the administration page; the key itself is
-- never stored, only its SHA-256 in api_key_hash, and revoking clears both).
alter table courts add column api_key_issued_at timestamptz;
update courts set api_key_issued_at = created_at where api_key_hash is not null;
