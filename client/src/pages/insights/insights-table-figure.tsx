import { useMemo } from "react";
import type { InsightsTable } from "@shared/insights/contract";
import { ChartFigure } from "../../components/chart-figure";
import { Details } from "../../components/details";
import { Table } from "../../components/table";
import { chartOf } from "./insights-chart";
import { formatCell } from "./insights-format";

/** The table as published: [c] where the server withheld a value, an en dash where nothing applies. */
function FiguresTable({ table, caption }: { table: InsightsTable; caption: string }) {
  const units = table.columns.map((c) => c.unit);
  const cells = (row: { cells: InsightsTable["rows"][number]["cells"] }) => row.cells.map((cell, i) => formatCell(cell, units[i] ?? "count"));
  const rows = table.rows.map((row) => ({ key: row.key, header: row.label, cells: cells(row) }));
  if (table.totals) rows.push({ key: "totals", header: table.totals.label, cells: cells(table.totals) });
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways on small screens)`} style={{ overflowX: "auto" }}>
      <Table
        caption={caption}
        captionSize="hidden"
        className="govuk-table--small-text-until-tablet"
        columns={[table.rowHeader, ...table.columns.map((c) => ({ text: c.label, numeric: true }))]}
        rows={rows}
      />
    </div>
  );
}

/**
 * One published table of the insights as a chart and the same numbers as a table. The chart
 * leaves out what the table shows as [c], and says so; what the figures mean is one click away.
 */
export function InsightsTableFigure({ table, headingLevel = 2 }: { table: InsightsTable; headingLevel?: 2 | 3 }) {
  const chart = useMemo(() => chartOf(table), [table]);
  const Heading = `h${headingLevel}` as const;
  const tableCaption = `${table.title}: the figures`;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`insights-${table.id}`} data-table={table.id} data-chart={table.chart}>
      <Heading className="govuk-heading-m" id={`insights-${table.id}`}>
        {table.title}
      </Heading>
      {chart ? (
        <ChartFigure
          caption={`Chart of ${table.title.charAt(0).toLowerCase()}${table.title.slice(1)}`}
          description={`${chart.description} The table below the chart lists the same numbers.`}
          plot={chart.plot}
          table={
            <>
              {chart.leftOut > 0 ? (
                <p className="govuk-body-s">
                  The chart leaves out {chart.leftOut} {chart.leftOut === 1 ? "figure" : "figures"} shown as [c] in the table.
                </p>
              ) : null}
              <FiguresTable table={table} caption={tableCaption} />
            </>
          }
        />
      ) : (
        <>
          <p className="govuk-body">There is no chart: every figure of this table is [c] or does not apply.</p>
          <FiguresTable table={table} caption={tableCaption} />
        </>
      )}
      <Details summary="What these figures mean">
        <p className="govuk-body">{table.description}</p>
      </Details>
    </section>
  );
}
