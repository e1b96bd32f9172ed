/** The largest CSV file the staff import takes (it is read in memory). */
export const CSV_MAX_BYTES = 1_000_000;

/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM. The separator
 * is "," or ";" (what Excel writes with Vietnamese regional settings), read from the header line. Pure.
 */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  const header = text.slice(0, text.search(/\r?\n|$/));
  const sep = header.includes(";") && !header.includes(",") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}
