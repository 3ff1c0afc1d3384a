import { LOTS } from "@shared/codes/lots";
import type { InsightsReport } from "@shared/insights/contract";
import { SummaryList } from "../../components/summary-list";
import { formatDateTime } from "../../lib/format-date";
import { formatCell, SUPPRESSED_MEANING } from "./insights-format";
import { InsightsTableFigure } from "./insights-table-figure";

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-04" -> "April 2026". */
export function formatMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split("-").map(Number);
  return year && month ? MONTH.format(new Date(Date.UTC(year, month - 1, 1))) : yearMonth;
}

export function periodText(from: string | null, to: string | null): string {
  if (from && to) return from === to ? formatMonth(from) : `${formatMonth(from)} to ${formatMonth(to)}`;
  if (from) return `From ${formatMonth(from)}`;
  if (to) return `Up to ${formatMonth(to)}`;
  return "All placements";
}

export function lotText(lot: number | null): string {
  if (lot === null) return "All lots";
  const found = LOTS.find((l) => l.number === lot);
  return found ? `Lot ${lot}: ${found.name}` : `Lot ${lot}`;
}

/** Which placements the figures count, as the server understood the filters. */
export function filterRows(filter: InsightsReport["filter"], placements: InsightsReport["placements"]) {
  return [
    { key: "Placements counted", value: formatCell(placements, "count") },
    { key: "Awarded", value: periodText(filter.from, filter.to) },
    { key: "Lot", value: lotText(filter.lot) },
    { key: "Council", value: filter.council ? filter.council.name : "All councils in the region" },
    { key: "Placements", value: filter.highRiskOnly ? "High-risk placements only" : "All placements, high risk or not" },
  ];
}

/** The figures of one report: what they count, when they were brought up to date, what [c] means, and each table. */
export function InsightsReportView({ report, csvHref }: { report: InsightsReport; csvHref?: string }) {
  return (
    <>
      <SummaryList rows={filterRows(report.filter, report.placements)} />
      <p className="govuk-body">
        {report.factsAsOf ? `These figures were brought up to date on ${formatDateTime(report.factsAsOf)}.` : "No placement has been counted yet."}
      </p>
      <div className="govuk-inset-text">{SUPPRESSED_MEANING}</div>
      {csvHref ? (
        <p className="govuk-body">
          <a className="govuk-link" href={csvHref} download>
            Download these figures as a CSV file
          </a>{" "}
          (the same tables, with [c] in the same places)
        </p>
      ) : null}
      {report.tables.length === 0 ? <p className="govuk-body">There are no figures for these filters.</p> : null}
      {report.tables.map((table) => (
        <InsightsTableFigure key={table.id} table={table} />
      ))}
    </>
  );
}
