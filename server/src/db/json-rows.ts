import { getTableColumns, type InferSelectModel, type SQL, sql, type Table } from "drizzle-orm";

/**
 * A table's rows gathered by a subquery into one JSON array column, for a read that needs
 * several tables' rows in one round trip (a request's view: every watch and re-watch runs it,
 * and each round trip costs the node and the database CPU). `rows` is the subquery's body after
 * SELECT, with the rows as `json_agg(...)`; an empty result is `[]`, not null.
 */
export const jsonArray = (rows: SQL): SQL<unknown[]> => sql<unknown[]>`coalesce((SELECT ${rows}), '[]'::json)`;

/**
 * One row of `table` from its JSON form (row_to_json: keys are the column names), as drizzle's
 * select would have given it: each column's own decoder turns text into its value (timestamps
 * into Dates, dates kept as text, arrays decoded). A json or jsonb column arrives already decoded
 * inside the JSON, and its decoder would parse a string value a second time, so it is kept as is.
 */
export function fromJsonRow<T extends Table>(table: T, json: unknown): InferSelectModel<T> {
  const fields = json as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = fields[column.name];
    if (value === null || value === undefined) row[key] = null;
    else if (column.getSQLType().startsWith("json")) row[key] = value;
    else row[key] = column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}

export const fromJsonRows = <T extends Table>(table: T, json: unknown[]): InferSelectModel<T>[] => json.map((r) => fromJsonRow(table, r));
