import type { Key, ReactNode } from "react";
import { type TableColumn, TableHead } from "./table-head";

/** A cell needing more than its content: a row header (`<th scope="row">`), right-aligned, or extra classes. */
export interface TableCellSpec {
  content: ReactNode;
  /** `<th scope="row">`: what the row is about, read out before each of its cells. */
  header?: boolean;
  /** Right-aligned; a numeric column's cells are without it. */
  numeric?: boolean;
  className?: string;
}
export type TableCell = ReactNode | TableCellSpec;

export interface TableRow {
  key: Key;
  /** The row header, as a first `<th scope="row">` cell; a row can also mark any cell `header`. */
  header?: TableCell;
  cells: TableCell[];
  /** Data attributes on the `<tr>`, for live updates and tests to find a row by its record. */
  data?: Record<`data-${string}`, string>;
}

interface TableProps {
  caption: ReactNode;
  /** GOV.UK caption size; "hidden" when a heading above already says what the table is, so only screen readers hear it. */
  captionSize?: "s" | "m" | "l" | "hidden";
  columns: readonly (string | TableColumn)[];
  rows: readonly TableRow[];
  /** Said instead of an empty table. */
  empty?: ReactNode;
  /** Extra classes on the `<table>`, such as `govuk-table--small-text-until-tablet`. */
  className?: string;
  /**
   * On a phone (below GOV.UK's tablet breakpoint) each row stacks as its cells' column names and
   * values, so no page scrolls sideways at 320 CSS px (WCAG 1.4.10; client/src/app.css). The
   * markup stays a table for screen readers. Off only for a table that fits a phone as it is.
   */
  responsive?: boolean;
}

const toSpec = (cell: TableCell): TableCellSpec => (typeof cell === "object" && cell !== null && "content" in cell ? cell : { content: cell });
const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ");

/** A GOV.UK table: columns (numeric ones right-aligned, header and cells), rows with an optional row header. */
export function Table({ caption, captionSize = "s", columns, rows, empty, className, responsive = true }: TableProps) {
  if (rows.length === 0 && empty !== undefined) return <p className="govuk-body">{empty}</p>;
  const numeric = columns.map((column) => typeof column !== "string" && column.numeric === true);
  // What a stacked cell is labelled with: its column's name, unless the column's header is for screen readers only.
  const labels = columns.map((column) => (typeof column === "string" ? column : column.hidden ? "" : column.text));
  return (
    <table className={classes("govuk-table", responsive && "app-table--responsive", className)}>
      <caption
        className={captionSize === "hidden" ? "govuk-table__caption govuk-visually-hidden" : `govuk-table__caption govuk-table__caption--${captionSize}`}
      >
        {caption}
      </caption>
      <TableHead columns={columns} />
      <tbody className="govuk-table__body">
        {rows.map((row) => {
          const cells: TableCell[] = row.header === undefined ? row.cells : [{ ...toSpec(row.header), header: true }, ...row.cells];
          return (
            <tr key={row.key} className="govuk-table__row" {...row.data}>
              {cells.map((cell, index) => {
                const spec = toSpec(cell);
                if (spec.header) {
                  return (
                    <th key={index} scope="row" className={classes("govuk-table__header", spec.className)} data-label={responsive ? labels[index] : undefined}>
                      {spec.content}
                    </th>
                  );
                }
                const right = spec.numeric ?? numeric[index];
                return (
                  <td
                    key={index}
                    className={classes("govuk-table__cell", right && "govuk-table__cell--numeric", spec.className)}
                    data-label={responsive ? labels[index] : undefined}
                  >
                    {spec.content}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
