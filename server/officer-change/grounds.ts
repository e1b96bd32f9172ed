/**
 * The grounds for changing the enforcement officer as data (Decree 62 art. 10; 2026: the prohibited acts of
 * Law 106/2025/QH15), each with its basis and the day it is in force (ADR 077). A new ground in the law is a
 * new row, never a code change. Words: `officerChange.grounds.<id>`.
 */
export type OfficerChangeGround = { id: string; basis: { vi: string; en: string }; effectiveFrom: string; effectiveTo?: string };

const D62 = { vi: "Điều 10 Nghị định 62/2015/NĐ-CP", en: "Art. 10, Decree 62/2015/NĐ-CP" };
const LAW_2025 = { vi: "Luật Thi hành án dân sự 106/2025/QH15", en: "Law on Civil Judgment Enforcement 106/2025/QH15" };

export const OFFICER_CHANGE_GROUNDS: readonly OfficerChangeGround[] = [
  { id: "related-to-party", basis: D62, effectiveFrom: "2015-07-01" },
  { id: "defender-or-witness", basis: D62, effectiveFrom: "2015-07-01" },
  { id: "delay-or-partiality", basis: D62, effectiveFrom: "2015-07-01" },
  { id: "prohibited-acts", basis: LAW_2025, effectiveFrom: "2026-07-01" },
];

/** The grounds in force on a day (YYYY-MM-DD, Asia/Ho_Chi_Minh). */
export const groundsInForce = (day: string) => OFFICER_CHANGE_GROUNDS.filter((g) => g.effectiveFrom <= day && (!g.effectiveTo || day <= g.effectiveTo));
