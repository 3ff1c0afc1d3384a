export interface TableColumn {
  text: string;
  /** Right-aligned, for amounts and scores: the header and, in a `Table`, the column's cells. */
  numeric?: boolean;
  /** Only screen readers hear the header, as over a column of buttons whose own text says what they do. */
  hidden?: boolean;
  /** Extra classes on the header cell, such as a width. */
  className?: string;
}

/** A GOV.UK table's header row. */
export function TableHead({ columns }: { columns: readonly (string | TableColumn)[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column) => {
          const { text, numeric = false, hidden = false, className } = typeof column === "string" ? { text: column } : column;
          return (
            <th key={text} scope="col" className={`govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}${className ? ` ${className}` : ""}`}>
              {hidden ? <span className="govuk-visually-hidden">{text}</span> : text}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
