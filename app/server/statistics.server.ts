// Browser-build boundary for server/statistics (see accounts.server.ts).
export { loadStatistics, downloadStatisticsCsv } from "../../server/statistics";
