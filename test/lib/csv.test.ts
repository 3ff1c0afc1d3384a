import fc from "fast-check";
import { parseCsv } from "../../server/src/lib/csv";

/** Writes CSV the way spreadsheet exports do: quote only when needed, double inner quotes. */
const encodeCell = (cell: string) => (/[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

describe("parseCsv", () => {
  it("should read back any table written as CSV, whatever its cells hold", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r\n", "é", "'", "1") }).map((s) => s.trim());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.infiniteStream(cell), (cols, rows, crlf, cells) => {
        const header = Array.from({ length: cols }, (_, i) => `col${i}`);
        const table = Array.from({ length: rows }, () => Array.from({ length: cols }, () => cells.next().value as string));
        // A row of only one empty cell is a blank line in CSV; real exports never have one.
        fc.pre(table.every((row) => !(cols === 1 && row[0] === "")));
        const eol = crlf ? "\r\n" : "\n";
        const text = [header, ...table].map((row) => row.map(encodeCell).join(",")).join(eol) + eol;
        const parsed = parseCsv(text);
        expect(parsed.map((r) => header.map((h) => r.values[h]))).toEqual(table);
      }),
    );
  });

  it("should report the line each record starts on, counting newlines inside quotes", () => {
    const parsed = parseCsv('URN,Name\n100001,"Two\nlines"\n100002,Plain\n');
    expect(parsed.map((r) => r.line)).toEqual([2, 4]);
  });

  it("should ignore a byte-order mark", () => {
    expect(parseCsv("\uFEFFURN\n123456\n")[0]?.values).toEqual({ URN: "123456" });
  });
});
