/** One record of a CSV file and the line of the file it starts on (1 = the first line). */
export type CsvRecord = { line: number; cells: string[] };

/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM. The separator
 * is "," or ";" (what Excel writes with Vietnamese regional settings), read from the header line. Pure.
 * Blank lines are skipped; each record keeps the line it starts on, so that an error names the line
 * the accountant sees in the file (a quoted field may span lines).
 */
export function parseCsvRecords(input: string): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, "");
  const header = text.slice(0, text.search(/\r?\n|$/));
  const sep = header.includes(";") && !header.includes(",") ? ";" : ",";
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      records.push({ line: start, cells: row });
      row = [];
      field = "";
      line++;
      start = line;
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    records.push({ line: start, cells: row });
  }
  return records.filter((r) => r.cells.some((f) => f.trim() !== ""));
}

/** The records' cells only. */
export function parseCsv(input: string): string[][] {
  return parseCsvRecords(input).map((r) => r.cells);
}
