import { CsvError, parse } from "csv-parse/sync";

/** One record of a CSV file and the line of the file it starts on (1 = the first line). */
export type CsvRecord = { line: number; cells: string[] };

/** The largest CSV file the staff import takes (it is read in memory). */
export const CSV_MAX_BYTES = 1_000_000;

/** A file that is not CSV (a quote opened and never closed): the line where the broken record starts. */
export class CsvSyntaxError extends Error {
  constructor(public readonly line: number) {
    super(`CSV syntax error from line ${line}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * RFC 4180 through csv-parse: quoted fields, doubled quotes, CRLF, LF or CR (mixed too), optional UTF-8
 * BOM, a quote inside an unquoted field kept as it is. The separator is "," or ";" (what Excel writes with
 * Vietnamese regional settings), read from the header line. Blank lines are skipped; each record keeps the
 * line it starts on, so that an error names the line the accountant sees in the file (a quoted field may
 * span lines). Throws CsvSyntaxError for a quote that is never closed.
 */
export function parseCsvRecords(input: string): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, "");
  const header = text.slice(0, text.search(/\r?\n|\r|$/));
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  // csv-parse tells the line each record ends on; a record starts on the line after the previous one's end.
  const records: CsvRecord[] = [];
  let previousEnd = 0;
  try {
    parse(text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      on_record: (cells: string[], { lines }: { lines: number }) => {
        records.push({ line: previousEnd + 1, cells });
        previousEnd = lines;
        return null;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) throw new CsvSyntaxError(previousEnd + 1);
    throw e;
  }
  return records.filter((r) => r.cells.some((f) => f.trim() !== ""));
}

/** The records' cells only. */
export function parseCsv(input: string): string[][] {
  return parseCsvRecords(input).map((r) => r.cells);
}
