import { data } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { requireStaffArea, type StaffProfile } from "../accounts";
import type { RouteArgs } from "../http";
import { audit } from "../audit";
import { isDay } from "../deadlines";
import { csvCell, vietnamDay } from "../inbox";
import type { Locale } from "../../vocabulary/i18n/config";
import { resources } from "../../vocabulary/i18n/resources.server";
import { paths, withQuery } from "../../vocabulary/paths";
import { STATISTICS_MAX_DAYS, statisticsTable, statisticsTotals, type StatisticsPeriod, type StatisticsRow, type StatisticsViewer } from "./figures.server";

// The statistics page's server functions (route convention, ADR 055; docs/decisions/081). The period comes
// from a GET form; a bad one is answered with a localised message per field, the values kept, no table.

export type StatisticsErrors = Partial<Record<"from" | "to", string>>;

/** yyyy-mm-dd or dd/mm/yyyy → yyyy-mm-dd; "" → undefined; null when invalid. */
function dayOf(raw: string): string | undefined | null {
  const v = raw.trim();
  if (!v) return undefined;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const day = vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : v;
  return isDay(day) ? day : null;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The period asked for (empty: from the first of this month to today, Hà Nội time), or the errors. */
export function parsePeriod(q: URLSearchParams, now = new Date()): { values: { from: string; to: string }; period: StatisticsPeriod | null; errors: StatisticsErrors } {
  const values = { from: (q.get("from") ?? "").slice(0, 30), to: (q.get("to") ?? "").slice(0, 30) };
  const today = vietnamDay(now);
  const errors: StatisticsErrors = {};
  const from = dayOf(values.from);
  const to = dayOf(values.to);
  if (from === null) errors.from = "statistics.errors.dateInvalid";
  if (to === null) errors.to = "statistics.errors.dateInvalid";
  const f = from ?? `${today.slice(0, 8)}01`;
  const t = to ?? today;
  if (from !== null && to !== null) {
    if (f > t) errors.to = "statistics.errors.rangeInvalid";
    else if (daysBetween(f, t) > STATISTICS_MAX_DAYS) errors.to = "statistics.errors.rangeTooLong";
  }
  return { values, period: Object.keys(errors).length ? null : { from: f, to: t }, errors };
}

const viewerOf = (staff: StaffProfile): StatisticsViewer => ({ staffId: staff.id, admin: staff.roles.some((r) => r.role === "admin") });

/** `/staff/statistics`: the table of the period in the viewer's scope (400 with the errors and no table on a bad period). */
export async function loadStatistics({ request, context }: RouteArgs) {
  const staff = await requireStaffArea(request, context, "statistics");
  const { values, period, errors } = parsePeriod(new URL(request.url).searchParams);
  const rows = period ? await statisticsTable(context.services.sql, viewerOf(staff), period) : [];
  const body = {
    values,
    errors,
    period,
    rows,
    totals: statisticsTotals(rows),
    admin: viewerOf(staff).admin,
    csv: period ? withQuery(paths.staff.statisticsCsv, { from: period.from, to: period.to }) : null,
  };
  return data(body, { status: period ? 200 : 400 });
}

const COLUMNS = ["officeCode", "office", "procedure", "filed", "closed", "onTime", "late", "answers", "average", "score1", "score2", "score3", "score4", "score5"] as const;

/** The table as CSV: a BOM, headers in the locale's words (Vietnamese by default), formulas neutralised, a totals row. */
export function statisticsCsv(rows: readonly StatisticsRow[], locale: Locale): string {
  const words = resources[locale].statistics;
  const types = resources[locale].cases.types as Record<string, string>;
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const line = (code: string, office: string, procedure: string, r: Omit<StatisticsRow, "agencyId" | "agencyCode" | "agencyName" | "caseType">) => [
    code, office, procedure, String(r.filed), String(r.closed), String(r.onTime), String(r.late), String(r.answers),
    r.average === null ? "" : number.format(r.average), ...r.scores.map(String),
  ];
  const body = rows.map((r) => line(r.agencyCode, r.agencyName, types[r.caseType] ?? r.caseType, r));
  const all = [COLUMNS.map((c) => words.columns[c]), ...body, line("", words.total, "", statisticsTotals(rows))];
  return stringify(all.map((cells) => cells.map(csvCell)), { bom: true, quoted: true, quoted_empty: true, record_delimiter: "\r\n" });
}

/** `/staff/statistics.csv`: the same table, as a download; audited (who, which period). */
export async function downloadStatisticsCsv({ request, context }: RouteArgs) {
  const staff = await requireStaffArea(request, context, "statistics");
  const { period, errors } = parsePeriod(new URL(request.url).searchParams);
  const words = resources[context.locale].statistics;
  if (!period) {
    const message = [errors.from, errors.to].filter(Boolean).map((k) => words.errors[k!.split(".").pop() as keyof typeof words.errors]).join(" ");
    return new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  const { sql } = context.services;
  const rows = await statisticsTable(sql, viewerOf(staff), period);
  await audit(sql, {
    actorType: "staff", actorId: staff.id, action: "statistics.exported", ip: context.clientIp, requestId: context.requestId,
    details: { from: period.from, to: period.to, rows: rows.length },
  });
  return new Response(statisticsCsv(rows, context.locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="thong-ke-${period.from}-${period.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
