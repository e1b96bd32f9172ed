// Statutory periods as data (docs/decisions/059-legal-rules-and-working-days.md): every period the portal
// computes is one row with its legal basis and the dates it is in force. A change in the law is a new row
// (the old one gets an effectiveTo), never a code change. Source: ../shared/legal-rules.md (researched
// 2026-12-01). `effectiveFrom` of the first version of a rule is the date from which the portal applies it
// (01/07/2015, when the 2014 amendment of the 2008 Law — the consolidated text the articles below cite —
// took effect), not necessarily the commencement of the instrument itself. Rows changed by the new Law on
// Civil Judgment Enforcement (106/2025/QH15) and Decree 152/2026/NĐ-CP take effect on 01/07/2026.

export type RuleUnit = "working_days" | "days" | "months" | "years";

export type Localised = { vi: string; en: string };

export type LegalRule = {
  /** Stable id, `<area>.<name>` (what case_clocks.rule_id stores). */
  id: string;
  /** First day (Asia/Ho_Chi_Minh, YYYY-MM-DD) the version is in force. */
  effectiveFrom: string;
  /** Last day the version is in force (inclusive), for a superseded version. */
  effectiveTo?: string;
  amount: number;
  unit: RuleUnit;
  /** Article and instrument. */
  basis: Localised;
  title: Localised;
};

const FROM = "2015-07-01";
const NEW_LAW = "2026-07-01";
const OLD_TO = "2026-06-30";

const LAW = { vi: "Luật Thi hành án dân sự 2008 (sửa đổi 2014)", en: "Law on Civil Judgment Enforcement 2008 (amended 2014)" };
const law = (article: string, articleEn = article): Localised => ({
  vi: `Điều ${article} ${LAW.vi}`,
  en: `Art. ${articleEn}, ${LAW.en}`,
});
const D62 = (article: string): Localised => ({
  vi: `Điều ${article} Nghị định 62/2015/NĐ-CP (sửa đổi bởi Nghị định 33/2020/NĐ-CP và 152/2024/NĐ-CP)`,
  en: `Art. ${article}, Decree 62/2015/NĐ-CP (amended by Decrees 33/2020 and 152/2024)`,
});
const D152_2026: Localised = {
  vi: "Nghị định 152/2026/NĐ-CP hướng dẫn Luật Thi hành án dân sự 106/2025/QH15",
  en: "Decree 152/2026/NĐ-CP implementing the Law on Civil Judgment Enforcement 106/2025/QH15",
};
const both = (a: Localised, b: Localised): Localised => ({ vi: `${a.vi}; ${b.vi}`, en: `${a.en}; ${b.en}` });
const DENUNCIATIONS = { vi: "Luật Tố cáo 2018", en: "Law on Denunciations 2018" };
/** The Law on Denunciations 2018 (25/2018/QH14) took effect on 01/01/2019: its periods apply from then. */
const DENUNCIATIONS_FROM = "2019-01-01";

export const LEGAL_RULES: readonly LegalRule[] = [
  // ── Enforcement requests ────────────────────────────────────────────────────────────────────────
  {
    id: "enforcement.request-time-limit", effectiveFrom: FROM, amount: 5, unit: "years", basis: law("30"),
    title: { vi: "Thời hiệu yêu cầu thi hành án", en: "Time limit to request enforcement" },
  },
  {
    id: "enforcement.ask-corrections", effectiveFrom: NEW_LAW, amount: 1, unit: "working_days", basis: D152_2026,
    title: { vi: "Yêu cầu bổ sung, sửa đổi đơn yêu cầu thi hành án", en: "Ask for corrections to an enforcement request" },
  },
  {
    id: "enforcement.refuse-request", effectiveFrom: FROM, amount: 5, unit: "working_days", basis: law("31 khoản 5", "31(5)"),
    title: { vi: "Từ chối nhận đơn yêu cầu thi hành án", en: "Refuse an enforcement request" },
  },
  {
    id: "enforcement.decide-request", effectiveFrom: FROM, amount: 5, unit: "working_days", basis: law("36 khoản 1", "36(1)"),
    title: { vi: "Ra quyết định thi hành án theo yêu cầu", en: "Enforcement decision on a request" },
  },
  {
    id: "enforcement.notify-documents", effectiveFrom: FROM, amount: 3, unit: "working_days", basis: law("39"),
    title: { vi: "Thông báo văn bản về thi hành án", en: "Notify enforcement documents" },
  },
  {
    id: "enforcement.public-posting", effectiveFrom: FROM, effectiveTo: OLD_TO, amount: 10, unit: "days",
    basis: both(law("39"), D62("12")),
    title: { vi: "Thời gian niêm yết công khai", en: "Public posting period" },
  },
  {
    id: "enforcement.public-posting", effectiveFrom: NEW_LAW, amount: 7, unit: "days", basis: D152_2026,
    title: { vi: "Thời gian niêm yết công khai", en: "Public posting period" },
  },
  {
    id: "enforcement.voluntary-period", effectiveFrom: FROM, amount: 10, unit: "days", basis: law("45"),
    title: { vi: "Thời hạn tự nguyện thi hành án", en: "Voluntary enforcement period" },
  },
  {
    id: "enforcement.first-verification", effectiveFrom: FROM, amount: 10, unit: "days", basis: law("44 khoản 1", "44(1)"),
    title: { vi: "Xác minh điều kiện thi hành án lần đầu", en: "First verification of the debtor's conditions" },
  },
  {
    id: "enforcement.re-verification", effectiveFrom: FROM, amount: 6, unit: "months", basis: law("44 khoản 1", "44(1)"),
    title: { vi: "Xác minh lại điều kiện thi hành án", en: "Re-verification of the debtor's conditions" },
  },
  {
    id: "enforcement.re-verification-long", effectiveFrom: FROM, amount: 1, unit: "years", basis: law("44 khoản 1", "44(1)"),
    title: {
      vi: "Xác minh lại (người phải thi hành án đang chấp hành hình phạt tù từ 2 năm trở lên hoặc không rõ địa chỉ)",
      en: "Re-verification (debtor serving 2 years or more in prison, or address unknown)",
    },
  },
  // ── Public list of debtors who cannot yet pay ───────────────────────────────────────────────────
  {
    id: "debtor-list.publish", effectiveFrom: FROM, amount: 5, unit: "working_days", basis: both(law("44a"), D62("11")),
    title: { vi: "Công khai thông tin người phải thi hành án chưa có điều kiện thi hành", en: "Publish a debtor on the list" },
  },
  {
    id: "debtor-list.commune-posting", effectiveFrom: FROM, amount: 3, unit: "months", basis: both(law("44a"), D62("11")),
    title: { vi: "Niêm yết danh sách tại Ủy ban nhân dân cấp xã", en: "Posting of the list at the commune" },
  },
  {
    // How long an entry stays on the portal's list (docs/decisions/072-debtor-list.md): the law sets no end
    // for the website; an entry rests on the finding that the debtor has no conditions, which art. 44(1)
    // has re-verified at least every 6 months. An entry whose finding is not re-recorded within that
    // period leaves the public list by itself (the officer re-records it after the re-verification).
    id: "debtor-list.publication", effectiveFrom: FROM, amount: 6, unit: "months", basis: both(law("44 khoản 1", "44(1)"), law("44a")),
    title: { vi: "Thời hạn đăng tải thông tin trên danh sách (đến lần xác minh lại)", en: "Publication period on the list (until the next re-verification)" },
  },
  {
    id: "debtor-list.change", effectiveFrom: FROM, amount: 3, unit: "working_days", basis: both(law("44a"), D62("11")),
    title: { vi: "Sửa đổi thông tin trong danh sách", en: "Change a debtor's entry on the list" },
  },
  {
    id: "debtor-list.remove", effectiveFrom: FROM, effectiveTo: OLD_TO, amount: 2, unit: "working_days",
    basis: both(law("44a"), D62("11")),
    title: { vi: "Rút tên khỏi danh sách", en: "Remove a debtor from the list" },
  },
  {
    id: "debtor-list.remove", effectiveFrom: NEW_LAW, amount: 3, unit: "working_days", basis: D152_2026,
    title: { vi: "Rút tên khỏi danh sách", en: "Remove a debtor from the list" },
  },
  // ── Complaints (the enforcement law's own regime) ───────────────────────────────────────────────
  ...complaintRules(),
  {
    id: "complaint.accept", effectiveFrom: FROM, amount: 5, unit: "working_days", basis: law("148"),
    title: { vi: "Thụ lý khiếu nại", en: "Accept a complaint" },
  },
  {
    id: "complaint.file-second", effectiveFrom: FROM, amount: 15, unit: "days", basis: law("140"),
    title: { vi: "Thời hiệu khiếu nại lần hai", en: "Time limit for a second complaint" },
  },
  {
    id: "complaint.resolve-extension", effectiveFrom: FROM, amount: 30, unit: "days", basis: law("146"),
    title: { vi: "Gia hạn giải quyết khiếu nại (vụ việc phức tạp, vùng xa)", en: "Extension of a complaint's resolution (complex or remote)" },
  },
  // ── Denunciations ───────────────────────────────────────────────────────────────────────────────
  {
    id: "denunciation.resolve", effectiveFrom: FROM, amount: 60, unit: "days", basis: law("157"),
    title: { vi: "Giải quyết tố cáo", en: "Resolve a denunciation" },
  },
  {
    id: "denunciation.resolve-complex", effectiveFrom: FROM, amount: 90, unit: "days", basis: law("157"),
    title: { vi: "Giải quyết tố cáo (vụ việc phức tạp)", en: "Resolve a denunciation (complex case)" },
  },
  {
    id: "denunciation.accept", effectiveFrom: DENUNCIATIONS_FROM, amount: 7, unit: "working_days", basis: DENUNCIATIONS,
    title: { vi: "Thụ lý tố cáo", en: "Accept a denunciation" },
  },
  {
    id: "denunciation.accept-extended", effectiveFrom: DENUNCIATIONS_FROM, amount: 10, unit: "working_days", basis: DENUNCIATIONS,
    title: { vi: "Thụ lý tố cáo (kéo dài)", en: "Accept a denunciation (extended)" },
  },
  {
    id: "denunciation.transfer", effectiveFrom: DENUNCIATIONS_FROM, amount: 5, unit: "working_days", basis: DENUNCIATIONS,
    title: { vi: "Chuyển tố cáo đến cơ quan có thẩm quyền", en: "Transfer a denunciation to the competent body" },
  },
  // ── Change of enforcement officer ───────────────────────────────────────────────────────────────
  {
    id: "officer-change.decide", effectiveFrom: FROM, effectiveTo: OLD_TO, amount: 5, unit: "working_days", basis: D62("10"),
    title: { vi: "Quyết định thay đổi Chấp hành viên", en: "Decide on a change of enforcement officer" },
  },
  {
    id: "officer-change.decide", effectiveFrom: NEW_LAW, amount: 3, unit: "working_days", basis: D152_2026,
    title: { vi: "Quyết định thay đổi Chấp hành viên", en: "Decide on a change of enforcement officer" },
  },
  // ── Confirmation of the enforcement result ──────────────────────────────────────────────────────
  {
    id: "result-confirmation.issue", effectiveFrom: FROM, effectiveTo: OLD_TO, amount: 5, unit: "working_days",
    basis: both(law("53"), D62("37")),
    title: { vi: "Xác nhận kết quả thi hành án", en: "Confirm the enforcement result" },
  },
  {
    id: "result-confirmation.issue", effectiveFrom: NEW_LAW, amount: 3, unit: "working_days", basis: D152_2026,
    title: { vi: "Xác nhận kết quả thi hành án", en: "Confirm the enforcement result" },
  },
  // ── Paying out enforcement money ────────────────────────────────────────────────────────────────
  {
    id: "payout.pay", effectiveFrom: FROM, amount: 10, unit: "days", basis: law("47"),
    title: { vi: "Chi trả tiền thi hành án", en: "Pay out enforcement money" },
  },
  {
    id: "payout.pay-extended", effectiveFrom: NEW_LAW, amount: 45, unit: "days", basis: D152_2026,
    title: { vi: "Chi trả tiền thi hành án (gia hạn)", en: "Pay out enforcement money (extended)" },
  },
  {
    id: "payout.unclaimed-deposit", effectiveFrom: FROM, amount: 15, unit: "days", basis: law("47"),
    title: { vi: "Gửi tiết kiệm số tiền chưa có người nhận", en: "Deposit unclaimed money" },
  },
  // ── Electronic service of documents (part "service", issue 14, ADR 074) ─────────────────────────
  // An electronic notice is valid on the day it is sent (Decree 62 art. 12 as amended; 2026: VNeID); the
  // portal's own period for the party to open it before the officer serves it on paper follows the
  // 3-working-day notification period of art. 39. NEEDS A LEGAL REVIEWER (the Law sets no "open by" period).
  {
    id: "service.electronic-open", effectiveFrom: FROM, amount: 3, unit: "working_days", basis: both(law("39"), D62("12")),
    title: { vi: "Đương sự mở văn bản tống đạt điện tử", en: "Party opens an electronically served document" },
  },
];

function complaintRules(): LegalRule[] {
  // decision or act complained of → file within, first resolution, second resolution (none: final at first level
  // without a period of its own in the table)
  const rows: {
    key: string;
    title: Localised;
    file: [number, "days" | "working_days"];
    first?: [number, "days" | "working_days"];
    second?: number;
  }[] = [
    { key: "before-measures", title: { vi: "trước khi áp dụng biện pháp bảo đảm, cưỡng chế", en: "before security or coercive measures" }, file: [15, "days"], first: [15, "days"], second: 30 },
    { key: "account-freeze", title: { vi: "phong tỏa tài khoản", en: "freezing an account" }, file: [3, "working_days"], first: [5, "working_days"] },
    { key: "other-security", title: { vi: "biện pháp bảo đảm khác", en: "other security measures" }, file: [10, "days"] },
    { key: "coercive", title: { vi: "áp dụng biện pháp cưỡng chế", en: "coercive measures" }, file: [30, "days"], first: [30, "days"], second: 45 },
    { key: "after-coercion", title: { vi: "sau khi áp dụng biện pháp cưỡng chế", en: "after coercion" }, file: [30, "days"], first: [15, "days"], second: 30 },
  ];
  const out: LegalRule[] = [];
  for (const r of rows) {
    out.push({
      id: `complaint.file.${r.key}`, effectiveFrom: FROM, amount: r.file[0], unit: r.file[1], basis: law("140"),
      title: { vi: `Thời hiệu khiếu nại — ${r.title.vi}`, en: `Time limit to complain — ${r.title.en}` },
    });
    if (r.first) {
      out.push({
        id: `complaint.resolve-first.${r.key}`, effectiveFrom: FROM, amount: r.first[0], unit: r.first[1], basis: law("146"),
        title: { vi: `Giải quyết khiếu nại lần đầu — ${r.title.vi}`, en: `First resolution of a complaint — ${r.title.en}` },
      });
    }
    if (r.second) {
      out.push({
        id: `complaint.resolve-second.${r.key}`, effectiveFrom: FROM, amount: r.second, unit: "days", basis: law("146"),
        title: { vi: `Giải quyết khiếu nại lần hai — ${r.title.vi}`, en: `Second resolution of a complaint — ${r.title.en}` },
      });
    }
  }
  return out;
}

/** Every rule id. */
export const RULE_IDS: readonly string[] = [...new Set(LEGAL_RULES.map((r) => r.id))];

/** The version of rule `id` in force on the day `on` (a Date, taken in Asia/Ho_Chi_Minh, or YYYY-MM-DD). */
export function ruleFor(id: string, on: Date | string): LegalRule {
  const versions = LEGAL_RULES.filter((r) => r.id === id);
  if (versions.length === 0) throw new Error(`unknown legal rule ${JSON.stringify(id)}`);
  const day = typeof on === "string" ? on : vnDay(on);
  const found = versions.find((r) => r.effectiveFrom <= day && (r.effectiveTo === undefined || day <= r.effectiveTo));
  if (!found) throw new Error(`no version of legal rule ${id} is in force on ${day}`);
  return found;
}

/** The exact version a clock was started under (case_clocks.rule_id + rule_effective_from). */
export function ruleVersion(id: string, effectiveFrom: string): LegalRule {
  const found = LEGAL_RULES.find((r) => r.id === id && r.effectiveFrom === effectiveFrom);
  if (!found) throw new Error(`unknown legal rule version ${id} from ${effectiveFrom}`);
  return found;
}

const VN_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Ho_Chi_Minh. */
export function vnDay(at: Date): string {
  return VN_DAY.format(at);
}
