import type { Sql } from "../db";
import { normaliseForSearch } from "../cases";
import { addDays, loadCalendar, vnDay } from "../deadlines";
import { formatMoney } from "../../vocabulary/format";
import { indexEntry, provinceOf } from "./entries.server";
import { publishBy, publishedUntil } from "./rules";

const REASONS = [
  "Không có thu nhập hoặc thu nhập chỉ bảo đảm cuộc sống tối thiểu, không có tài sản để thi hành án (điểm a khoản 1 Điều 44a).",
  "Chưa xác định được địa chỉ, nơi cư trú của người phải thi hành án (điểm c khoản 1 Điều 44a).",
];

/**
 * Demo entries (development only; called by the demo back office's seed): the debtors of up to two demo
 * cases that have an officer, published by that officer a few days ago. Idempotent (one entry per case).
 */
export async function seedDemoDebtorList(tx: Sql, { officerId, now = new Date() }: { officerId: string; now?: Date }): Promise<number> {
  const cases = await tx<{ id: string; agency_id: string; case_number: string | null; debtor_name: string; address: string; judgment: string; money_amount: string | null }[]>`
    select c.id, c.agency_id, c.case_number, r.debtor_name, coalesce(r.answers -> 'debtor' ->> 'debtorAddress', '') as address,
      r.judgment_number || ', ' || to_char(r.judgment_effective_on, 'DD/MM/YYYY') || ', ' || ct.name as judgment, r.money_amount::text as money_amount
    from cases c join enforcement_requests r on c.case_type = 'enforcement-request' and r.id = c.submission_id join courts ct on ct.id = r.court_id
    where c.officer_id = ${officerId} and not exists (select 1 from debtor_list_entries e where e.case_id = c.id)
    order by c.received_at limit 2`;
  const calendar = await loadCalendar(tx);
  let n = 0;
  for (const [i, c] of cases.entries()) {
    const decidedOn = addDays(vnDay(now), -3 - i);
    const name = normaliseForSearch(c.debtor_name);
    const [row] = await tx<{ id: string }[]>`
      insert into debtor_list_entries (case_id, agency_id, province_id, debtor_name, debtor_address, judgment, enforcement_decision, obligation, reason,
        decided_on, decision_basis, publish_by, published_until, search_name, created_by, updated_by, created_at)
      values (${c.id}, ${c.agency_id}, ${provinceOf(tx, c.agency_id)}, ${c.debtor_name}, ${c.address || "Hà Nội"}, ${c.judgment},
        ${c.case_number ?? "Quyết định thi hành án"}, ${c.money_amount ? `Trả ${formatMoney(BigInt(c.money_amount), "vi")}` : "Nghĩa vụ trả tiền"},
        ${REASONS[i % REASONS.length]!}, ${decidedOn}::date, 'Khoản 1 Điều 44a Luật Thi hành án dân sự',
        ${publishBy(calendar, decidedOn).dueOn}::date, ${publishedUntil(decidedOn).dueOn}::date, ${name}, ${officerId}, ${officerId}, now() - interval '1 day')
      returning id`;
    await indexEntry(tx, row!.id, name);
    n++;
  }
  return n;
}
