// The staff statistics (issue 14 item 8, docs/decisions/081): per office and procedure (case type) over a
// period of Vietnamese calendar days, the cases filed and closed, the closed ones on time or late against
// their statutory deadlines, and the satisfaction answers. Reads the tables only (cases, case_clocks,
// satisfaction_answers, agencies). A head sees the offices in their scope (scopedAgencies, in SQL, each
// table's own agency column); an administrator sees every office.
import type { Sql } from "../db";
import { scopedAgencies } from "../agencies";
import { CASE_TYPES } from "../cases";

export type StatisticsViewer = { staffId: string; admin: boolean };

/** A period of Vietnamese calendar days, both ends included (YYYY-MM-DD). */
export type StatisticsPeriod = { from: string; to: string };

export type StatisticsRow = {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  caseType: string;
  /** Cases received in the period. */
  filed: number;
  /** Cases that entered a final state in the period. */
  closed: number;
  /** Of those closed, the ones with a statutory deadline: every deadline met, or at least one missed. */
  onTime: number;
  late: number;
  /** Satisfaction answers given in the period, their mean score (null when none) and the count per score 1–5. */
  answers: number;
  average: number | null;
  scores: [number, number, number, number, number];
};

type Row = {
  agency_id: string; agency_code: string; agency_name: string; case_type: string; filed: number; closed: number; on_time: number; late: number;
  answers: number; average: number | null; s1: number; s2: number; s3: number; s4: number; s5: number;
};

/** The longest period a table covers (days): a few years of a busy office is still one indexed scan. */
export const STATISTICS_MAX_DAYS = 3660;

/** `<case type>:<clock>` of the clocks that are windows, not deadlines (ClockDef.window): left out of on time / late. */
export function windowClocks(): string[] {
  return CASE_TYPES.flatMap((t) => Object.entries(t.clocks).filter(([, d]) => d.window).map(([clock]) => `${t.id}:${clock}`));
}

export async function statisticsTable(sql: Sql, viewer: StatisticsViewer, period: StatisticsPeriod): Promise<StatisticsRow[]> {
  const inScope = (column: string) => (viewer.admin ? sql`true` : sql`${sql(column)} in (${scopedAgencies(sql, viewer.staffId, ["head"])})`);
  const from = sql`(${period.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`;
  const until = sql`(${period.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`;
  const rows = await sql<Row[]>`
    with filed as (
      select c.agency_id, c.case_type, count(*)::int as n from cases c
      where ${inScope("c.agency_id")} and c.received_at >= ${from} and c.received_at < ${until}
      group by 1, 2
    ), closed as (
      -- A deadline is met when its clock ended (or had been stopped, when the case closed while it waited)
      -- on or before its due day; a case with no dated clock is neither on time nor late. Windows (an act the
      -- office may not need, such as asking for corrections) are not deadlines: left out.
      select c.agency_id, c.case_type, count(*)::int as n,
        count(*) filter (where d.late = false)::int as on_time,
        count(*) filter (where d.late)::int as late
      from cases c
      left join lateral (
        select bool_or((coalesce(k.stopped_at, k.ended_at, c.closed_at) at time zone 'Asia/Ho_Chi_Minh')::date > k.due_on) as late
        from case_clocks k where k.case_id = c.id and k.due_on is not null and (c.case_type || ':' || k.clock) <> all(${windowClocks()}::text[])
      ) d on true
      where ${inScope("c.agency_id")} and c.closed_at >= ${from} and c.closed_at < ${until}
      group by 1, 2
    ), answers as (
      select s.agency_id, s.case_type, count(*)::int as n, avg(s.score)::float8 as average,
        count(*) filter (where s.score = 1)::int as s1, count(*) filter (where s.score = 2)::int as s2,
        count(*) filter (where s.score = 3)::int as s3, count(*) filter (where s.score = 4)::int as s4,
        count(*) filter (where s.score = 5)::int as s5
      from satisfaction_answers s
      where ${inScope("s.agency_id")} and s.answered_at >= ${from} and s.answered_at < ${until}
      group by 1, 2
    ), keys as (
      select agency_id, case_type from filed union select agency_id, case_type from closed union select agency_id, case_type from answers
    )
    select a.id as agency_id, a.code as agency_code, a.name as agency_name, k.case_type,
      coalesce(f.n, 0) as filed, coalesce(c.n, 0) as closed, coalesce(c.on_time, 0) as on_time, coalesce(c.late, 0) as late,
      coalesce(s.n, 0) as answers, s.average,
      coalesce(s.s1, 0) as s1, coalesce(s.s2, 0) as s2, coalesce(s.s3, 0) as s3, coalesce(s.s4, 0) as s4, coalesce(s.s5, 0) as s5
    from keys k join agencies a on a.id = k.agency_id
      left join filed f on f.agency_id = k.agency_id and f.case_type = k.case_type
      left join closed c on c.agency_id = k.agency_id and c.case_type = k.case_type
      left join answers s on s.agency_id = k.agency_id and s.case_type = k.case_type
    order by a.name, a.code, k.case_type`;
  return rows.map((r) => ({
    agencyId: r.agency_id,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    caseType: r.case_type,
    filed: r.filed,
    closed: r.closed,
    onTime: r.on_time,
    late: r.late,
    answers: r.answers,
    average: r.average === null ? null : Math.round(r.average * 100) / 100,
    scores: [r.s1, r.s2, r.s3, r.s4, r.s5],
  }));
}

/** The sums of a table (the last row of the page and of the CSV); the mean weighted by answers. */
export function statisticsTotals(rows: readonly StatisticsRow[]): Omit<StatisticsRow, "agencyId" | "agencyCode" | "agencyName" | "caseType"> {
  const sum = (f: (r: StatisticsRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const answers = sum((r) => r.answers);
  const points = sum((r) => r.scores.reduce((n, c, i) => n + c * (i + 1), 0));
  return {
    filed: sum((r) => r.filed),
    closed: sum((r) => r.closed),
    onTime: sum((r) => r.onTime),
    late: sum((r) => r.late),
    answers,
    average: answers ? Math.round((points / answers) * 100) / 100 : null,
    scores: [0, 1, 2, 3, 4].map((i) => sum((r) => r.scores[i]!)) as StatisticsRow["scores"],
  };
}
