export interface TableColumn {
  text: string;
  /** Right-aligned, for amounts and scores. */
  numeric?: boolean;
}

/** A GOV.UK table's header row. */
export function TableHead({ columns }: { columns: readonly (string | TableColumn)[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column) => {
          const { text, numeric = false } = typeof column === "string" ? { text: column } : column;
          return (
            <th key={text} scope="col" className={`govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}`}>
              {text}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
