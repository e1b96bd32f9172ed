import type { Pool, Sql } from "./db";
import { createStaff, type StaffRole } from "./accounts";
import { seedDemoCourts } from "./agencies";
import { seedPaymentsDemo } from "./payments";
import { seedAnnouncedDays } from "./deadlines";

type AgencySeed = { code: string; name: string; address: string; phone: string; children?: AgencySeed[] };

/**
 * A realistic demo tree after the 2025 reorganisation (central department → provincial THADS → regional
 * offices). The real tree is data: an administrator imports it; nothing in the code depends on these.
 */
export const DEMO_AGENCIES: AgencySeed = {
  code: "CUC-QLTHADS",
  name: "Cục Quản lý thi hành án dân sự",
  address: "60 Trần Phú, phường Ba Đình, Hà Nội",
  phone: "024 3823 1111",
  children: [
    {
      code: "HNI",
      name: "Thi hành án dân sự thành phố Hà Nội",
      address: "Số 2 Trần Thánh Tông, phường Hai Bà Trưng, Hà Nội",
      phone: "024 3938 2222",
      children: [
        { code: "HNI-KV01", name: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội", address: "Số 10 Lý Thường Kiệt, phường Hoàn Kiếm, Hà Nội", phone: "024 3825 3001" },
        { code: "HNI-KV02", name: "Phòng Thi hành án dân sự khu vực 2 – Hà Nội", address: "Số 5 Nguyễn Chí Thanh, phường Láng, Hà Nội", phone: "024 3773 3002" },
      ],
    },
    {
      code: "HCM",
      name: "Thi hành án dân sự Thành phố Hồ Chí Minh",
      address: "Số 1 Lý Tự Trọng, phường Sài Gòn, Thành phố Hồ Chí Minh",
      phone: "028 3829 3333",
      children: [
        { code: "HCM-KV01", name: "Phòng Thi hành án dân sự khu vực 1 – Thành phố Hồ Chí Minh", address: "Số 25 Nam Kỳ Khởi Nghĩa, phường Bến Thành, Thành phố Hồ Chí Minh", phone: "028 3822 4001" },
        { code: "HCM-KV02", name: "Phòng Thi hành án dân sự khu vực 2 – Thành phố Hồ Chí Minh", address: "Số 120 Võ Văn Ngân, phường Thủ Đức, Thành phố Hồ Chí Minh", phone: "028 3896 4002" },
      ],
    },
    {
      code: "NAN",
      name: "Thi hành án dân sự tỉnh Nghệ An",
      address: "Số 8 Trường Thi, phường Trường Vinh, Nghệ An",
      phone: "0238 384 4444",
      children: [
        { code: "NAN-KV01", name: "Phòng Thi hành án dân sự khu vực 1 – Nghệ An", address: "Số 15 Lê Hồng Phong, phường Thành Vinh, Nghệ An", phone: "0238 356 5001" },
        { code: "NAN-KV02", name: "Phòng Thi hành án dân sự khu vực 2 – Nghệ An", address: "Khối 3, xã Diễn Châu, Nghệ An", phone: "0238 386 5002" },
      ],
    },
    {
      code: "DNG",
      name: "Thi hành án dân sự thành phố Đà Nẵng",
      address: "Số 24 Trần Phú, phường Hải Châu, Đà Nẵng",
      phone: "0236 382 5555",
      children: [
        { code: "DNG-KV01", name: "Phòng Thi hành án dân sự khu vực 1 – Đà Nẵng", address: "Số 40 Hùng Vương, phường Hải Châu, Đà Nẵng", phone: "0236 356 6001" },
        { code: "DNG-KV02", name: "Phòng Thi hành án dân sự khu vực 2 – Đà Nẵng", address: "Số 9 Phan Bội Châu, phường Tam Kỳ, Đà Nẵng", phone: "0235 381 6002" },
      ],
    },
  ],
};

/** Printed at start in development; never seeded in production. */
export const DEMO_PASSWORD = "ThadsDemo#2026";

export const DEMO_STAFF: { email: string; fullName: string; role: StaffRole; agencyCode: string }[] = [
  { email: "tiepnhan@thads.local", fullName: "Nguyễn Thị Thu Hà", role: "clerk", agencyCode: "HNI-KV01" },
  { email: "chaphanhvien@thads.local", fullName: "Trần Văn Đức", role: "officer", agencyCode: "HNI-KV01" },
  { email: "ketoan@thads.local", fullName: "Lê Thị Minh Phương", role: "accountant", agencyCode: "HNI-KV01" },
  { email: "thutruong@thads.local", fullName: "Phạm Quốc Hùng", role: "head", agencyCode: "HNI-KV01" },
  { email: "quantri@thads.local", fullName: "Đỗ Hoàng Nam", role: "admin", agencyCode: "CUC-QLTHADS" },
];

async function upsertAgency(sql: Sql, a: AgencySeed, level: "central" | "province" | "district", parentId: string | null) {
  const [row] = await sql<{ id: string }[]>`
    insert into agencies (code, name, level, parent_id, address, phone)
    values (${a.code}, ${a.name}, ${level}, ${parentId}, ${a.address}, ${a.phone})
    on conflict (code) do update set name = excluded.name, address = excluded.address, phone = excluded.phone,
      updated_at = now()
    returning id`;
  const next = level === "central" ? "province" : "district";
  for (const child of a.children ?? []) await upsertAgency(sql, child, next, row!.id);
}

/** Idempotent: running it twice changes nothing the second time. */
export async function seedDemo(sql: Pool): Promise<{ staffCreated: number; noticesCreated: number }> {
  return sql.begin(async (tx) => {
    await upsertAgency(tx, DEMO_AGENCIES, "central", null);
    await seedDemoCourts(tx);
    let staffCreated = 0;
    for (const s of DEMO_STAFF) {
      const [exists] = await tx`select 1 from staff where lower(email) = ${s.email}`;
      if (exists) continue;
      const [agency] = await tx<{ id: string }[]>`select id from agencies where code = ${s.agencyCode}`;
      await createStaff(tx, { email: s.email, fullName: s.fullName, password: DEMO_PASSWORD, roles: [{ role: s.role, agencyId: agency!.id }] });
      staffCreated++;
    }
    const { noticesCreated } = await seedPaymentsDemo(tx);
    await seedAnnouncedDays(tx);
    return { staffCreated, noticesCreated };
  });
}
