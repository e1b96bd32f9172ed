import type { Sql } from "../db";

export type Court = { code: string; name: string; agencyId: string; agencyName: string };

/** The courts a judgment may come from, for the list on the judgment step (active ones, in order). */
export async function listCourts(sql: Sql): Promise<Court[]> {
  const rows = await sql<{ code: string; name: string; agency_id: string; agency_name: string }[]>`
    select c.code, c.name, a.id as agency_id, a.name as agency_name
    from courts c join agencies a on a.id = c.agency_id
    where c.active and a.active
    order by c.sort_order, c.name`;
  return rows.map((r) => ({ code: r.code, name: r.name, agencyId: r.agency_id, agencyName: r.agency_name }));
}

/** The court by code and the office that enforces its judgments (the competent office), or null. */
export async function findCourt(sql: Sql, { code }: { code: string }) {
  const [row] = await sql<
    { id: string; code: string; name: string; agency_id: string; agency_name: string; agency_address: string | null; agency_phone: string | null }[]
  >`
    select c.id, c.code, c.name, a.id as agency_id, a.name as agency_name, a.address as agency_address, a.phone as agency_phone
    from courts c join agencies a on a.id = c.agency_id
    where c.code = ${code} and c.active and a.active`;
  return row ?? null;
}

type CourtSeed = { code: string; name: string; level: "supreme" | "high" | "province" | "regional"; agencyCode: string };

/**
 * Demo courts after the 2025 reorganisation, each routed to the office that enforces its judgments:
 * provincial courts and the high courts to the provincial THADS, regional courts to the regional office.
 */
export const DEMO_COURTS: CourtSeed[] = [
  { code: "TANDCC-HN", name: "Tòa án nhân dân cấp cao tại Hà Nội", level: "high", agencyCode: "HNI" },
  { code: "TANDCC-DN", name: "Tòa án nhân dân cấp cao tại Đà Nẵng", level: "high", agencyCode: "DNG" },
  { code: "TANDCC-HCM", name: "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh", level: "high", agencyCode: "HCM" },
  { code: "TAND-HNI", name: "Tòa án nhân dân thành phố Hà Nội", level: "province", agencyCode: "HNI" },
  { code: "TAND-HNI-KV01", name: "Tòa án nhân dân khu vực 1 – Hà Nội", level: "regional", agencyCode: "HNI-KV01" },
  { code: "TAND-HNI-KV02", name: "Tòa án nhân dân khu vực 2 – Hà Nội", level: "regional", agencyCode: "HNI-KV02" },
  { code: "TAND-HCM", name: "Tòa án nhân dân Thành phố Hồ Chí Minh", level: "province", agencyCode: "HCM" },
  { code: "TAND-HCM-KV01", name: "Tòa án nhân dân khu vực 1 – Thành phố Hồ Chí Minh", level: "regional", agencyCode: "HCM-KV01" },
  { code: "TAND-HCM-KV02", name: "Tòa án nhân dân khu vực 2 – Thành phố Hồ Chí Minh", level: "regional", agencyCode: "HCM-KV02" },
  { code: "TAND-NAN", name: "Tòa án nhân dân tỉnh Nghệ An", level: "province", agencyCode: "NAN" },
  { code: "TAND-NAN-KV01", name: "Tòa án nhân dân khu vực 1 – Nghệ An", level: "regional", agencyCode: "NAN-KV01" },
  { code: "TAND-NAN-KV02", name: "Tòa án nhân dân khu vực 2 – Nghệ An", level: "regional", agencyCode: "NAN-KV02" },
  { code: "TAND-DNG", name: "Tòa án nhân dân thành phố Đà Nẵng", level: "province", agencyCode: "DNG" },
  { code: "TAND-DNG-KV01", name: "Tòa án nhân dân khu vực 1 – Đà Nẵng", level: "regional", agencyCode: "DNG-KV01" },
  { code: "TAND-DNG-KV02", name: "Tòa án nhân dân khu vực 2 – Đà Nẵng", level: "regional", agencyCode: "DNG-KV02" },
];

/** Idempotent; courts whose office is missing from the tree are skipped. */
export async function seedDemoCourts(sql: Sql): Promise<void> {
  let order = 0;
  for (const c of DEMO_COURTS) {
    order += 10;
    await sql`
      insert into courts (code, name, level, agency_id, sort_order)
      select ${c.code}, ${c.name}, ${c.level}, a.id, ${order} from agencies a where a.code = ${c.agencyCode}
      on conflict (code) do update set name = excluded.name, level = excluded.level, agency_id = excluded.agency_id,
        sort_order = excluded.sort_order`;
  }
}
