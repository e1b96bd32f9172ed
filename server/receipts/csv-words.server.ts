import type { Locale } from "../../vocabulary/i18n/config";
import { resources } from "../../vocabulary/i18n/resources.server";
import type { CsvWords } from "./reconciliation.server";

/** The reconciliation CSV's headers and code words in one language, from the translations. */
export function reconciliationCsvWords(locale: Locale): CsvWords {
  const words = resources[locale].receipts.reconciliation;
  return {
    header: (column) => words.csv[column],
    code: (group, code) => (words[group] as Record<string, string>)[code] ?? null,
    yes: words.csv.yes,
    no: words.csv.no,
  };
}
