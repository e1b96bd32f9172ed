import { parse } from "csv-parse/sync";
import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { LEVEL_RANK, type AgencyLevel } from "./roles";
import { CODE_PATTERN, TREE_CSV_COLUMNS, TREE_CSV_LEVELS, TREE_CSV_MAX_ROWS, TREE_CSV_REQUIRED } from "./schemas";
import type { Actor } from "./tree.server";
import { textProblem } from "../validation";

/**
 * Importing the whole agency tree from a CSV (docs/decisions/052-agencies-and-one-scope.md): UTF-8 with
 * or without a BOM, comma-separated, a header line naming the columns (TREE_CSV_COLUMNS, Vietnamese),
 * one office a line. Every row is checked against the file and the tree as it stands; any problem
 * (line and column) and nothing is written. Offices are matched by code: new ones are created, known
 * ones take the file's name, parent and level; offices not in the file are left as they are.
 */

export type TreeCsvRow = { line: number; code: string; name: string; parentCode: string; level: AgencyLevel; address: string | null; phone: string | null; exists: boolean };
export type TreeCsvProblem = { line: number; column: string | null; error: string };
export type TreeCsvCheck = { ok: true; rows: TreeCsvRow[] } | { ok: false; problems: TreeCsvProblem[] };

/** Bytes of an upload as text: strict UTF-8 (a byte sequence that is not UTF-8 is an error, not "?"). */
export function decodeCsv(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export async function checkTreeCsv(sql: Sql, csv: string | null): Promise<TreeCsvCheck> {
  if (csv === null) return { ok: false, problems: [{ line: 0, column: null, error: "admin.import.errors.encoding" }] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    return { ok: false, problems: [{ line, column: null, error: "admin.import.errors.syntax" }] };
  }
  if (!records.length) return { ok: false, problems: [{ line: 1, column: null, error: "admin.import.errors.empty" }] };
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const missing = TREE_CSV_REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, problems: [{ line: 1, column: missing.join(", "), error: "admin.import.errors.header" }] };
  const body = records.slice(1);
  if (!body.length) return { ok: false, problems: [{ line: 1, column: null, error: "admin.import.errors.empty" }] };
  if (body.length > TREE_CSV_MAX_ROWS) return { ok: false, problems: [{ line: 1, column: null, error: "admin.import.errors.tooMany" }] };

  const problems: TreeCsvProblem[] = [];
  const cell = (r: string[], c: (typeof TREE_CSV_COLUMNS)[number]) => {
    const i = header.indexOf(c);
    return i < 0 ? "" : (r[i] ?? "").trim();
  };
  const existing = new Map(
    (await sql<{ code: string; level: AgencyLevel; parent_code: string | null }[]>`
      select a.code, a.level, p.code as parent_code from agencies a left join agencies p on p.id = a.parent_id`).map((a) => [a.code, a]),
  );
  const rows: TreeCsvRow[] = [];
  const byCode = new Map<string, TreeCsvRow>();
  for (const { record, info } of body) {
    const line = info.lines;
    const before = problems.length;
    for (const c of TREE_CSV_COLUMNS) {
      const v = cell(record, c);
      if (textProblem(v)) problems.push({ line, column: c, error: "admin.import.errors.controlChars" });
    }
    if (problems.length > before) continue;
    const code = cell(record, "ma").toUpperCase();
    const name = cell(record, "ten");
    const parentCode = cell(record, "ma_cap_tren").toUpperCase();
    const levelText = cell(record, "loai").toLowerCase() as keyof typeof TREE_CSV_LEVELS;
    if (!code) problems.push({ line, column: "ma", error: "admin.errors.codeRequired" });
    else if (!CODE_PATTERN.test(code)) problems.push({ line, column: "ma", error: "admin.errors.codeFormat" });
    else if (byCode.has(code)) problems.push({ line, column: "ma", error: "admin.import.errors.duplicate" });
    if (!name) problems.push({ line, column: "ten", error: "admin.errors.nameRequired" });
    else if (name.length < 3 || name.length > 255) problems.push({ line, column: "ten", error: "admin.errors.nameLength" });
    const level = TREE_CSV_LEVELS[levelText];
    if (!level) problems.push({ line, column: "loai", error: "admin.import.errors.level" });
    if (level === "central" && parentCode) problems.push({ line, column: "ma_cap_tren", error: "admin.import.errors.rootHasParent" });
    if (level && level !== "central" && !parentCode) problems.push({ line, column: "ma_cap_tren", error: "admin.import.errors.parentRequired" });
    if (problems.length > before) continue;
    const row: TreeCsvRow = {
      line, code, name, parentCode, level: level!, exists: existing.has(code),
      address: cell(record, "dia_chi") || null, phone: cell(record, "dien_thoai") || null,
    };
    rows.push(row);
    byCode.set(code, row);
  }
  // The tree after the import: the file's parent links over the current ones.
  const parentOf = new Map<string, string | null>([...existing].map(([c, a]) => [c, a.parent_code]));
  const levelOf = new Map<string, AgencyLevel>([...existing].map(([c, a]) => [c, a.level]));
  for (const r of rows) (parentOf.set(r.code, r.parentCode || null), levelOf.set(r.code, r.level));
  for (const r of rows) {
    if (!r.parentCode) continue;
    if (!parentOf.has(r.parentCode)) {
      problems.push({ line: r.line, column: "ma_cap_tren", error: "admin.import.errors.parentUnknown" });
      continue;
    }
    let at: string | null = r.parentCode;
    let steps = 0;
    while (at && at !== r.code && steps++ <= parentOf.size) at = parentOf.get(at) ?? null;
    if (at === r.code) {
      problems.push({ line: r.line, column: "ma_cap_tren", error: "admin.import.errors.cycle" });
      continue;
    }
    if (LEVEL_RANK[r.level] <= LEVEL_RANK[levelOf.get(r.parentCode)!]) problems.push({ line: r.line, column: "loai", error: "admin.errors.levelUnderParent" });
  }
  const roots = [...parentOf].filter(([, p]) => p === null);
  if (!problems.length && roots.length !== 1) {
    const extra = rows.find((r) => r.level === "central" && r.exists === false) ?? rows.find((r) => !r.parentCode);
    problems.push({ line: extra?.line ?? 1, column: "ma_cap_tren", error: "admin.import.errors.oneRoot" });
  }
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

export type TreeImportResult = { ok: true; created: number; updated: number } | { ok: false; problems: TreeCsvProblem[] };

/**
 * Checks the file again (never trusts an earlier preview) and, when every row is valid, writes the whole
 * tree in one transaction under the tree lock. Audited once with the counts.
 */
export async function importTreeCsv(sql: Pool, csv: string | null, actor: Actor): Promise<TreeImportResult> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('agencies.tree'))`;
    const checked = await checkTreeCsv(tx, csv);
    if (!checked.ok) return checked;
    // Parents first: insert each row once its parent exists (the file may list children first).
    const pending = [...checked.rows];
    let created = 0;
    let updated = 0;
    const known = new Set((await tx<{ code: string }[]>`select code from agencies`).map((r) => r.code));
    // Rows whose parent changes are placed after their new parent, so insert new codes in tree order.
    while (pending.length) {
      const i = pending.findIndex((r) => !r.parentCode || known.has(r.parentCode));
      const r = pending.splice(i < 0 ? 0 : i, 1)[0]!;
      const [row] = await tx<{ inserted: boolean }[]>`
        insert into agencies (code, name, level, parent_id, address, phone)
        values (${r.code}, ${r.name}, ${r.level}, (select id from agencies where code = ${r.parentCode || null}), ${r.address}, ${r.phone})
        on conflict (code) do update set name = excluded.name, level = excluded.level, parent_id = excluded.parent_id,
          address = coalesce(excluded.address, agencies.address), phone = coalesce(excluded.phone, agencies.phone), updated_at = now()
        returning (xmax = 0) as inserted`;
      if (row!.inserted) created++;
      else updated++;
      known.add(r.code);
    }
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, action: "agency.import_csv", targetType: "agency",
      ip: actor.ip, requestId: actor.requestId, details: { created, updated, rows: checked.rows.length },
    });
    return { ok: true as const, created, updated };
  });
}
