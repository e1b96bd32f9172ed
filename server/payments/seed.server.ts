import type { Sql } from "../db";
import { insertNotice } from "./notices.server";
import { hashApiKey } from "../agencies";

/** Courts after the 2025 reform (regional people's courts); demo data, never seeded in production. */
export const DEMO_COURTS = [
  { code: "TAND-HNI-KV01", name: "Tòa án nhân dân khu vực 1 – Hà Nội" },
  { code: "TAND-HNI-KV02", name: "Tòa án nhân dân khu vực 2 – Hà Nội" },
  { code: "TAND-HCM-KV01", name: "Tòa án nhân dân khu vực 1 – Thành phố Hồ Chí Minh" },
  { code: "TAND-NAN-KV01", name: "Tòa án nhân dân khu vực 1 – Nghệ An" },
];

/** The demo court's API key (development only: printed in the start banner). */
export const DEMO_COURT_KEY = "tak_demo_TAND-HNI-KV1_9fK2mQ7xR4vB8nL3";

/** Unpaid demo notices: the first is printed in the banner so anyone can try the journey at once. */
export const DEMO_NOTICES = [
  { noticeNumber: "TB-2026-0000001", courtCode: "TAND-HNI-KV01", courtDocumentNumber: "125/2026/TB-TA", caseReference: "Vụ án dân sự số 45/2026/TLST-DS (tranh chấp hợp đồng vay tài sản)", payerName: "Nguyễn Văn An", payerIdNumber: "001085012345", payerAddress: "Số 12 ngõ 34 phố Huế, phường Hai Bà Trưng, Hà Nội", amount: 1_250_000, agencyCode: "HNI-KV01" },
  { noticeNumber: "TB-2026-0000002", courtCode: "TAND-HNI-KV01", courtDocumentNumber: "126/2026/TB-TA", caseReference: "Vụ án kinh doanh thương mại số 12/2026/TLST-KDTM", payerName: "Công ty TNHH Thương mại Minh Phát", payerIdNumber: "0300588569", payerAddress: "Số 8 Nguyễn Chí Thanh, phường Láng, Hà Nội", amount: 18_300_000, agencyCode: "HNI-KV01" },
  { noticeNumber: "TB-2026-0000003", courtCode: "TAND-HCM-KV01", courtDocumentNumber: "311/2026/TB-TA", caseReference: "Vụ án hôn nhân gia đình số 88/2026/TLST-HNGĐ", payerName: "Trần Thị Bích Ngọc", payerIdNumber: "079190004321", payerAddress: "Số 25 Nam Kỳ Khởi Nghĩa, phường Bến Thành, Thành phố Hồ Chí Minh", amount: 300_000, agencyCode: "HCM-KV01" },
  { noticeNumber: "TB-2026-0000004", courtCode: "TAND-NAN-KV01", courtDocumentNumber: "57/2026/TB-TA", caseReference: "Vụ án dân sự số 19/2026/TLST-DS", payerName: "Hồ Sỹ Long", payerIdNumber: "040092007788", payerAddress: "Khối 3, xã Diễn Châu, Nghệ An", amount: 2_000_000, agencyCode: "NAN-KV01" },
];

/** Idempotent: courts upserted, the demo key set once, notices inserted when missing. */
export async function seedPaymentsDemo(tx: Sql): Promise<{ noticesCreated: number }> {
  for (const c of DEMO_COURTS) {
    await tx`insert into courts (code, name) values (${c.code}, ${c.name}) on conflict (code) do update set name = excluded.name`;
  }
  await tx`update courts set api_key_hash = ${hashApiKey(DEMO_COURT_KEY)} where code = 'TAND-HNI-KV01' and api_key_hash is null`;
  let noticesCreated = 0;
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  for (const n of DEMO_NOTICES) {
    const [exists] = await tx`select 1 from fee_notices where notice_number = ${n.noticeNumber}`;
    if (exists) continue;
    const [court] = await tx<{ id: string }[]>`select id from courts where code = ${n.courtCode}`;
    const [agency] = await tx<{ id: string }[]>`select id from agencies where code = ${n.agencyCode}`;
    if (!court || !agency) continue;
    await insertNotice(tx, { ...n, dueDate: due, courtId: court.id, agencyId: agency.id, source: "seed" });
    noticesCreated++;
  }
  return { noticesCreated };
}
