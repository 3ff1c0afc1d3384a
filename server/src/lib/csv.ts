/** One parsed CSV record with the line number it started on (for error reports). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes, CRLF or LF).
 * The first record is the header. Extra or missing cells are kept as "" so a bad row can be
 * reported by its line rather than aborting the file.
 */
export function parseCsv(text: string): CsvRecord[] {
  const [header, ...body] = parseCsvRows(text).filter((row) => !(row.cells.length === 1 && row.cells[0] === ""));
  if (!header) return [];
  return body.map((row) => ({
    line: row.line,
    values: Object.fromEntries(header.cells.map((name, index) => [name.trim(), (row.cells[index] ?? "").trim()])),
  }));
}

/** Every line of RFC 4180 CSV as its cells, blank lines included (a file of several tables keeps its layout). */
export function parseCsvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowStart, cells });
      cells = [];
      cell = "";
      line++;
      rowStart = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowStart, cells });
  }
  return rows;
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and with a leading quote
 * mark when it starts with = + - @ (a spreadsheet would run it as a formula).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
