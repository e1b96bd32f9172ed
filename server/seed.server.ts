import crypto from "node:crypto";
import type { Pool, Sql } from "./db";
import { audit } from "./audit";
import { ACCESS_CODE_ALPHABET, accessCodeHash, fireEventIn, openCase } from "./cases";
import { ENFORCEMENT_REQUEST_CASE } from "./filing";
import { createStaff, type StaffRole } from "./accounts";
import { findCourt, seedDemoCourts } from "./agencies";
import { seedPaymentsDemo } from "./payments";
import { loadCalendar, seedAnnouncedDays, vnDay } from "./deadlines";
import { seedDemoOrganisation } from "./organisations";
import { seedDemoDebtorList } from "./debtor-list";

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
  { email: "chaphanhvien2@thads.local", fullName: "Ngô Minh Tuấn", role: "officer", agencyCode: "HNI-KV01" },
  { email: "ketoan@thads.local", fullName: "Lê Thị Minh Phương", role: "accountant", agencyCode: "HNI-KV01" },
  { email: "thutruong@thads.local", fullName: "Phạm Quốc Hùng", role: "head", agencyCode: "HNI-KV01" },
  { email: "totcao@thads.local", fullName: "Bùi Thị Lan", role: "denunciation-handler", agencyCode: "HNI-KV01" },
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

// ————— demo back office (development only) —————

type DemoStep =
  | { event: "askForMore"; day: number; input: { message: string; documentTypes: string[] } }
  | { event: "accept"; day: number; input: { decisionNumber: string } }
  | { event: "refuse"; day: number; input: { ground: "no-right-or-unrelated" | "not-competent" | "time-limit-passed"; note: string } }
  | { event: "forward"; day: number; input: { agencyCode: string; note: string } }
  | { event: "assignOfficer"; day: number }
  | { event: "decisionNotified"; day: number; input: { method: "direct" | "post" | "electronic" } }
  | { event: "assetsVerified"; day: number; input: { note: string } }
  | { event: "moneyCollected" | "moneyPaidOut"; day: number; input: { amount: number } }
  | { event: "close"; day: number; input: { reason: string } };

type DemoParty = { kind: "person"; name: string; id: string; address: string; phone: string } | { kind: "organisation"; name: string; id: string; address: string; phone: string };

export type DemoCase = {
  /** The applicant (creditor) and the judgment debtor. */
  applicant: DemoParty & { email: string; birthDate?: string; legalRep?: string };
  debtor: DemoParty;
  court: string;
  judgment: { number: string; date: string; effective: string };
  amount: number;
  /** Received this many working days before today (0 = today). */
  receivedDaysAgo: number;
  /** Events in order, each `day` working days before today (the demo staff of HNI-KV01 fire them). */
  steps: DemoStep[];
  /** The state the steps leave it in (checked by the seed's test). */
  state: "received" | "awaitingCitizen" | "accepted" | "refused" | "officerAssigned" | "closed";
};

const person = (name: string, id: string, address: string, phone: string): DemoParty => ({ kind: "person", name, id, address, phone });

/**
 * Enforcement requests the demo office has on its desk: one of each state, one long overdue, one still
 * waiting for the citizen's document, one moved to the neighbouring office. Applicants' addresses are at
 * example.com (the mails land in the development outbox).
 */
export const DEMO_CASES: DemoCase[] = [
  {
    applicant: { ...person("Lê Văn Thành", "001082004521", "Số 18 ngõ 54 Hàng Bông, phường Hoàn Kiếm, Hà Nội", "0983 214 567"), email: "levanthanh@example.com", birthDate: "1982-07-19" },
    debtor: { kind: "organisation", name: "Công ty TNHH Xây dựng Hòa Bình", id: "0101245789", address: "Số 7 Đinh Lễ, phường Hoàn Kiếm, Hà Nội", phone: "024 3934 5566" },
    court: "TAND-HNI-KV01",
    judgment: { number: "87/2025/KDTM-ST", date: "2025-09-12", effective: "2025-10-13" },
    amount: 420_000_000,
    receivedDaysAgo: 10,
    steps: [],
    state: "received",
  },
  {
    applicant: { ...person("Phạm Thị Hồng Nhung", "001190013377", "Số 25 Phan Chu Trinh, phường Cửa Nam, Hà Nội", "0912 765 430"), email: "hongnhung.pham@example.com", birthDate: "1990-02-03" },
    debtor: person("Đặng Văn Lợi", "001086020145", "Số 3 ngách 12 ngõ Huế, phường Hai Bà Trưng, Hà Nội", "0904 332 118"),
    court: "TAND-HNI-KV01",
    judgment: { number: "212/2025/DS-ST", date: "2025-11-03", effective: "2025-12-04" },
    amount: 85_000_000,
    receivedDaysAgo: 0,
    steps: [],
    state: "received",
  },
  {
    applicant: { kind: "organisation", name: "Công ty Cổ phần Thương mại Sông Hồng", id: "0105987321", address: "Số 120 Trần Hưng Đạo, phường Cửa Nam, Hà Nội", phone: "024 3822 9090", email: "phaply@songhong.example.com", legalRep: "Nguyễn Đình Khoa" },
    debtor: person("Vũ Minh Tuấn", "001084011902", "Số 9 Lò Sũ, phường Hoàn Kiếm, Hà Nội", "0936 118 254"),
    court: "TAND-HNI-KV01",
    judgment: { number: "45/2025/KDTM-PT", date: "2025-08-20", effective: "2025-08-20" },
    amount: 1_250_000_000,
    receivedDaysAgo: 3,
    steps: [],
    state: "received",
  },
  {
    applicant: { ...person("Hoàng Thị Mai Anh", "001193007214", "Số 41 Hàng Bài, phường Hoàn Kiếm, Hà Nội", "0977 402 311"), email: "maianh.hoang@example.com", birthDate: "1993-05-27" },
    debtor: person("Bùi Đức Thắng", "001088019663", "Số 66 Bà Triệu, phường Hai Bà Trưng, Hà Nội", "0989 220 741"),
    court: "TAND-HNI-KV01",
    judgment: { number: "178/2025/DS-ST", date: "2025-10-06", effective: "2025-11-06" },
    amount: 60_000_000,
    receivedDaysAgo: 4,
    steps: [
      {
        event: "askForMore",
        day: 3,
        input: { message: "Đề nghị bà nộp bản sao bản án số 178/2025/DS-ST có chứng thực (bản đã nộp là bản chụp không rõ trang 3).", documentTypes: ["judgment"] },
      },
    ],
    state: "awaitingCitizen",
  },
  {
    applicant: { ...person("Đỗ Thị Ngọc Ánh", "001195003388", "Số 12 Quán Sứ, phường Cửa Nam, Hà Nội", "0965 781 902"), email: "ngocanh.do@example.com", birthDate: "1995-12-09" },
    debtor: person("Lý Văn Hải", "001079015540", "Số 30 Hàng Chuối, phường Hai Bà Trưng, Hà Nội", "0913 556 004"),
    court: "TAND-HNI-KV01",
    judgment: { number: "96/2025/HNGĐ-ST", date: "2025-07-15", effective: "2025-08-15" },
    amount: 36_000_000,
    receivedDaysAgo: 6,
    steps: [{ event: "accept", day: 4, input: { decisionNumber: "152/QĐ-THADS" } }],
    state: "accepted",
  },
  {
    applicant: { ...person("Nguyễn Hữu Phước", "001080009127", "Số 5 Lý Quốc Sư, phường Hoàn Kiếm, Hà Nội", "0903 447 126"), email: "huuphuoc.nguyen@example.com", birthDate: "1980-03-14" },
    debtor: person("Tạ Thị Kim Oanh", "001187021136", "Số 14 Hàng Trống, phường Hoàn Kiếm, Hà Nội", "0918 330 275"),
    court: "TAND-HNI-KV01",
    judgment: { number: "131/2025/DS-PT", date: "2025-09-30", effective: "2025-09-30" },
    amount: 240_000_000,
    receivedDaysAgo: 8,
    steps: [
      { event: "accept", day: 7, input: { decisionNumber: "147/QĐ-THADS" } },
      { event: "assignOfficer", day: 6 },
      { event: "decisionNotified", day: 5, input: { method: "direct" } },
    ],
    state: "officerAssigned",
  },
  {
    applicant: { ...person("Trương Thị Bích Ngọc", "001191012290", "Số 88 Thợ Nhuộm, phường Cửa Nam, Hà Nội", "0944 610 388"), email: "bichngoc.truong@example.com", birthDate: "1991-08-21" },
    debtor: person("Phan Văn Khải", "001083017751", "Số 2 Hàng Vôi, phường Hoàn Kiếm, Hà Nội", "0986 045 913"),
    court: "TAND-HNI-KV01",
    judgment: { number: "64/2025/DS-ST", date: "2025-05-22", effective: "2025-06-23" },
    amount: 150_000_000,
    receivedDaysAgo: 16,
    steps: [
      { event: "accept", day: 14, input: { decisionNumber: "131/QĐ-THADS" } },
      { event: "assignOfficer", day: 13 },
      { event: "decisionNotified", day: 12, input: { method: "post" } },
      { event: "assetsVerified", day: 8, input: { note: "Xác minh tại Văn phòng đăng ký đất đai: người phải thi hành án đứng tên căn hộ 12A, số 2 Hàng Vôi." } },
      { event: "moneyCollected", day: 3, input: { amount: 50_000_000 } },
    ],
    state: "officerAssigned",
  },
  {
    applicant: { ...person("Dương Văn Cường", "001075006642", "Số 17 Nguyễn Du, phường Hai Bà Trưng, Hà Nội", "0915 287 660"), email: "duongvancuong@example.com", birthDate: "1975-11-02" },
    debtor: person("Lâm Thị Hạnh", "001178013315", "Số 21 Tô Hiến Thành, phường Hai Bà Trưng, Hà Nội", "0948 713 502"),
    court: "TAND-HNI-KV01",
    judgment: { number: "23/2019/DS-ST", date: "2019-03-11", effective: "2019-04-12" },
    amount: 95_000_000,
    receivedDaysAgo: 5,
    steps: [
      {
        event: "refuse",
        day: 3,
        input: { ground: "time-limit-passed", note: "Bản án có hiệu lực ngày 12/04/2019; đơn nộp khi đã quá thời hiệu 05 năm (Điều 30 Luật Thi hành án dân sự) và không có lý do bất khả kháng." },
      },
    ],
    state: "refused",
  },
  {
    applicant: { ...person("Võ Thị Thanh Hương", "001186004470", "Số 50 Hàng Gai, phường Hoàn Kiếm, Hà Nội", "0972 508 146"), email: "thanhhuong.vo@example.com", birthDate: "1986-06-30" },
    debtor: person("Mai Xuân Trường", "001081010028", "Số 11 Phố Huế, phường Hai Bà Trưng, Hà Nội", "0917 664 290"),
    court: "TAND-HNI-KV01",
    judgment: { number: "09/2025/DS-ST", date: "2025-02-17", effective: "2025-03-18" },
    amount: 30_000_000,
    receivedDaysAgo: 24,
    steps: [
      { event: "accept", day: 22, input: { decisionNumber: "118/QĐ-THADS" } },
      { event: "assignOfficer", day: 21 },
      { event: "decisionNotified", day: 20, input: { method: "direct" } },
      { event: "moneyCollected", day: 12, input: { amount: 30_000_000 } },
      { event: "moneyPaidOut", day: 9, input: { amount: 30_000_000 } },
      { event: "close", day: 8, input: { reason: "Người phải thi hành án đã nộp đủ 30.000.000 đồng; đã chi trả cho người được thi hành án. Việc thi hành án đã xong." } },
    ],
    state: "closed",
  },
  {
    applicant: { ...person("Trịnh Quang Vinh", "001087015823", "Số 6 Hàm Long, phường Hai Bà Trưng, Hà Nội", "0906 172 845"), email: "quangvinh.trinh@example.com", birthDate: "1987-01-25" },
    debtor: person("Ngô Thị Thu Trang", "001192018807", "Số 33 Triệu Việt Vương, phường Hai Bà Trưng, Hà Nội", "0934 806 217"),
    court: "TAND-HNI-KV01",
    judgment: { number: "201/2025/DS-ST", date: "2025-10-27", effective: "2025-11-27" },
    amount: 48_500_000,
    receivedDaysAgo: 1,
    steps: [],
    state: "received",
  },
  // Two at the neighbouring office (not in the demo clerk's inbox: scope): one filed there, one forwarded there.
  {
    applicant: { ...person("Đinh Công Minh", "001085022461", "Số 72 Chùa Láng, phường Láng, Hà Nội", "0968 293 417"), email: "congminh.dinh@example.com", birthDate: "1985-09-08" },
    debtor: person("Hà Thị Phương Thảo", "001189009954", "Số 15 Nguyễn Chí Thanh, phường Láng, Hà Nội", "0942 375 188"),
    court: "TAND-HNI-KV02",
    judgment: { number: "77/2025/DS-ST", date: "2025-08-04", effective: "2025-09-04" },
    amount: 112_000_000,
    receivedDaysAgo: 2,
    steps: [],
    state: "received",
  },
  {
    applicant: { ...person("Kiều Thị Lan", "001194016632", "Số 4 Huỳnh Thúc Kháng, phường Láng, Hà Nội", "0981 604 739"), email: "kieuthilan@example.com", birthDate: "1994-04-16" },
    debtor: person("Quách Văn Bảo", "001077020315", "Số 101 Láng Hạ, phường Láng, Hà Nội", "0909 517 062"),
    court: "TAND-HNI-KV01",
    judgment: { number: "188/2025/DS-ST", date: "2025-10-14", effective: "2025-11-14" },
    amount: 72_000_000,
    receivedDaysAgo: 3,
    steps: [
      {
        event: "forward",
        day: 2,
        input: { agencyCode: "HNI-KV02", note: "Người phải thi hành án cư trú và có tài sản tại phường Láng, thuộc địa bàn Phòng Thi hành án dân sự khu vực 2." },
      },
    ],
    state: "received",
  },
];

/**
 * The access code of a demo case's lookup pair (development seed only, never in production): derived from
 * the applicant's e-mail, so every `npm start` gives the same codes and the README can list two pairs.
 * Same shape as a real code (16 letters of ACCESS_CODE_ALPHABET, in fours).
 */
export function demoAccessCode(applicantEmail: string): string {
  const bytes = crypto.createHash("sha256").update(`thads-demo-lookup:${applicantEmail}`).digest().subarray(0, 16);
  return Array.from(bytes, (b) => ACCESS_CODE_ALPHABET[b & 31]).join("").match(/.{4}/g)!.join("-");
}

/** Hà Nội wall-clock time on a day: `hour`:`minute` local (UTC+7, no daylight saving). */
const hanoiAt = (day: string, hour: number, minute = 0) => new Date(`${day}T${String(hour - 7).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00Z`);

/** The answers a citizen's filing would have stored (step id → values), for the staff case page's request section. */
function demoAnswers(c: DemoCase): Record<string, unknown> {
  const a = c.applicant;
  const answers: Record<string, unknown> = {
    who: { role: "creditor", party: a.kind, actingAs: "self" },
    judgment: { court: c.court, judgmentNumber: c.judgment.number, judgmentDate: c.judgment.date, effectiveDate: c.judgment.effective },
    debtor: { debtorKind: c.debtor.kind, debtorName: c.debtor.name, debtorId: c.debtor.id, debtorAddress: c.debtor.address, debtorPhone: c.debtor.phone },
    obligations: { obligations: ["money"], amount: c.amount },
    assets: { debtorAssets: "Nhà ở và tài khoản ngân hàng (theo hiểu biết của người yêu cầu)." },
    attachments: {},
    declaration: { declaration: true },
  };
  if (a.kind === "person") {
    answers.person = { fullName: a.name, birthDate: a.birthDate, cccd: a.id, address: a.address, phone: a.phone, email: a.email };
  } else {
    answers.organisation = { orgName: a.name, taxCode: a.id, address: a.address, legalRep: a.legalRep, phone: a.phone, email: a.email };
  }
  return answers;
}

/**
 * The demo back office (development only): DEMO_CASES filed at HNI-KV01 (two at HNI-KV02) as the filing
 * submit files them (the request row, `openCase` with the receipt in the past, the audit entry) and moved
 * through the one engine by the demo clerk, head and officer, each event on its own past day. In one
 * transaction under an advisory lock; skipped entirely once the demo requests exist. The events' jobs
 * (decision PDFs, e-mails, hand-off) run as for any event once the worker picks the outbox up.
 */
export async function seedDemoCases(sql: Pool, { now = new Date() }: { now?: Date } = {}): Promise<{ casesCreated: number }> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('thads demo cases'))`;
    const emails = DEMO_CASES.map((c) => c.applicant.email);
    const [done] = await tx`select 1 from enforcement_requests where applicant_email = any(${emails}) limit 1`;
    if (done) return { casesCreated: 0 };
    const staff = new Map(
      (await tx<{ email: string; id: string }[]>`select lower(email) as email, id from staff where lower(email) in ${tx(DEMO_STAFF.map((s) => s.email))}`).map((s) => [s.email, s.id]),
    );
    const clerk = staff.get("tiepnhan@thads.local");
    const head = staff.get("thutruong@thads.local");
    const officer = staff.get("chaphanhvien@thads.local");
    if (!clerk || !head || !officer) throw new Error("seedDemoCases: run seedDemo first (the demo staff are missing)");
    const calendar = await loadCalendar(tx);
    const today = vnDay(now);
    const dayAgo = (n: number) => (n === 0 ? today : calendar.addWorkingDays(today, -n));
    // Never in the future: today's moments are a few minutes before now.
    const moment = (n: number, hour: number, minute: number) => {
      const at = hanoiAt(dayAgo(n), hour, minute);
      return at.getTime() < now.getTime() ? at : new Date(now.getTime() - (60 - minute) * 60_000);
    };
    // Filed in the order they arrived (references follow), then every event of every case in the order it
    // happened (case numbers follow the acceptances).
    const filed = DEMO_CASES.map((c, i) => ({ c, i, receivedAt: moment(c.receivedDaysAgo, 8 + (i % 3), 10 + i * 3), caseId: "", reference: "" }));
    filed.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    for (const f of filed) {
      const { c, receivedAt } = f;
      const court = await findCourt(tx, { code: c.court });
      if (!court) throw new Error(`seedDemoCases: court ${c.court} is missing`);
      const [{ nextval }] = (await tx<{ nextval: number }[]>`select nextval('enforcement_request_seq')::int as nextval`) as unknown as [{ nextval: number }];
      const reference = `YC-${today.slice(0, 4)}-${String(nextval).padStart(7, "0")}`;
      const answers = demoAnswers(c);
      const [req] = await tx<{ id: string }[]>`
        insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, citizen_id, applicant_name,
          applicant_email, debtor_name, judgment_number, judgment_effective_on, money_amount, past_time_limit, answers, locale, submitted_at)
        values (${reference}, ${accessCodeHash(demoAccessCode(c.applicant.email))}, ${court.agency_id}, ${court.id}, null, ${c.applicant.name}, ${c.applicant.email},
          ${c.debtor.name}, ${c.judgment.number}, ${c.judgment.effective}, ${c.amount}, ${c.state === "refused"},
          ${tx.json(answers as never)}, 'vi', ${receivedAt})
        returning id`;
      const { caseId } = await openCase(tx, {
        caseType: ENFORCEMENT_REQUEST_CASE,
        submissionId: req!.id,
        reference,
        agencyId: court.agency_id,
        applicantName: c.applicant.name,
        otherPartyName: c.debtor.name,
        searchParts: [c.applicant.id, c.debtor.id, c.judgment.number],
        receivedAt,
        applicantEmail: c.applicant.email,
        accessCodeHash: accessCodeHash(demoAccessCode(c.applicant.email)),
        applicantIdNumber: c.applicant.id, // a person's CCCD (12 digits) is kept as its digest; a tax code is not a CCCD
        locale: "vi",
        actor: { type: "citizen", citizenId: null },
      });
      await audit(tx, {
        actorType: "anonymous",
        agencyId: court.agency_id,
        action: "filing.request.submitted",
        targetType: "enforcement_request",
        targetId: req!.id,
        details: { reference, court: court.code, demo: true },
      });
      f.caseId = caseId;
      f.reference = reference;
    }
    const steps = filed.flatMap((f) => f.c.steps.map((step, k) => ({ f, step, at: moment(step.day, 9 + k, 30 + f.i) })));
    steps.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const { f, step, at } of steps) {
      let actor = clerk;
      let input: Record<string, unknown> = {};
      switch (step.event) {
        case "accept":
          input = { decisionNumber: step.input.decisionNumber, decisionDate: vnDay(at) };
          break;
        case "forward": {
          const [to] = await tx<{ id: string }[]>`select id from agencies where code = ${step.input.agencyCode}`;
          input = { agencyId: to!.id, note: step.input.note };
          break;
        }
        case "assignOfficer":
          actor = head;
          input = { officerId: officer };
          break;
        case "decisionNotified":
          actor = officer;
          input = { notifiedOn: vnDay(at), method: step.input.method };
          break;
        case "assetsVerified":
        case "moneyCollected":
        case "moneyPaidOut":
        case "close":
          actor = officer;
          input = step.input;
          break;
        default:
          input = step.input;
      }
      const fired = await fireEventIn(tx, { caseId: f.caseId, event: step.event, actor: { type: "staff", staffId: actor }, input, at });
      if (!fired.ok) throw new Error(`seedDemoCases: ${f.reference} ${step.event} refused: ${JSON.stringify(fired)}`);
    }
    // The demo organisation (ADR 069) follows the first four demo cases.
    await seedDemoOrganisation(tx, { caseIds: filed.slice(0, 4).map((f) => f.caseId) });
    // A few entries on the public list of debtors who cannot yet pay (ADR 072), from the officer's cases.
    await seedDemoDebtorList(tx, { officerId: officer, now });
    return { casesCreated: filed.length };
  }) as Promise<{ casesCreated: number }>;
}
