import type { Pool } from "../server/db";

/**
 * The tables of a database's public schema as text, one line per fact, sorted: enum types and their
 * labels, columns (position, type, nullability, default, identity), constraints, indexes and sequences.
 * Functions and triggers are not in it (they belong to the rules files and change with them), nor NOT NULL
 * constraints as rows (PostgreSQL 18 lists them in pg_constraint, 15 does not; nullability is in the columns).
 */
export async function tableCatalog(sql: Pool): Promise<string> {
  const lines: string[] = [];
  for (const r of await sql<{ name: string; labels: string[] }[]>`
    select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
    from pg_type t join pg_enum e on e.enumtypid = t.oid
    where t.typnamespace = 'public'::regnamespace group by t.typname`) {
    lines.push(`enum ${r.name} (${r.labels.join(", ")})`);
  }
  for (const r of await sql<{ t: string; n: number; c: string; type: string; nullable: string; def: string | null; identity: string }[]>`
    select table_name as t, ordinal_position as n, column_name as c, udt_name as type, is_nullable as nullable,
      column_default as def, is_identity as identity
    from information_schema.columns where table_schema = 'public'`) {
    lines.push(`column ${r.t} ${String(r.n).padStart(2, "0")} ${r.c} ${r.type} null=${r.nullable} default=${r.def ?? "-"} identity=${r.identity}`);
  }
  for (const r of await sql<{ t: string; name: string; def: string }[]>`
    select conrelid::regclass::text as t, conname as name, pg_get_constraintdef(oid) as def
    from pg_constraint where connamespace = 'public'::regnamespace and contype not in ('t', 'n')`) {
    lines.push(`constraint ${r.t} ${r.name} ${r.def}`);
  }
  for (const r of await sql<{ t: string; name: string; def: string }[]>`
    select tablename as t, indexname as name, indexdef as def from pg_indexes where schemaname = 'public'`) {
    lines.push(`index ${r.t} ${r.name} ${r.def}`);
  }
  for (const r of await sql<{ name: string; type: string; start: string; step: string }[]>`
    select sequencename as name, data_type::text as type, start_value::text as start, increment_by::text as step
    from pg_sequences where schemaname = 'public'`) {
    lines.push(`sequence ${r.name} ${r.type} start=${r.start} step=${r.step}`);
  }
  return lines.sort().join("\n") + "\n";
}

/** Every function and procedure of the public schema (not an extension's), by name, sorted. */
export async function functionNames(sql: Pool): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select p.proname as name from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`;
  return rows.map((r) => r.name).sort();
}

/** Every user trigger on a table of the public schema, as `name on table`, sorted. */
export async function triggerNames(sql: Pool): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select t.tgname || ' on ' || c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and c.relnamespace = 'public'::regnamespace`;
  return rows.map((r) => r.name).sort();
}
