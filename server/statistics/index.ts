// The public entry of server/statistics (issue 14 item 8, docs/decisions/081): per office and procedure,
// cases filed and closed, on time or late, and the satisfaction answers; the staff page and its CSV.
export { statisticsTable, statisticsTotals, STATISTICS_MAX_DAYS, type StatisticsRow, type StatisticsPeriod, type StatisticsViewer } from "./figures.server";
export { loadStatistics, downloadStatisticsCsv, statisticsCsv, parsePeriod, type StatisticsErrors } from "./web.server";
