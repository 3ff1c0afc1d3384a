import { formatPence } from "@shared/money";
import type { Criterion, EvaluationRow, RequestSummary } from "@shared/schemas/placement-requests";
import type { ScoreRange } from "@shared/tenders/evaluate";
import { Table } from "../../components/table";

interface EvaluationTableProps {
  rows: readonly EvaluationRow[];
  criteria: readonly Criterion[];
  weights: RequestSummary["weights"];
  caption: string;
}

/** A provider sees its price score and total as a range, which keeps the lowest fee (a rival's price) from it. */
const scoreOrRange = (exact: number | null, range: ScoreRange | null) => (range ? `${range.low} to ${range.high}` : exact);

/** Totals and ranks: quality from the council's agreed 0-5 scores (each with its reason), price from the lowest fee. */
export function EvaluationTable({ rows, criteria, weights, caption }: EvaluationTableProps) {
  return (
    <Table
      caption={caption}
      captionSize="m"
      columns={[
        "Rank",
        "Setting",
        "Scores (0 to 5) and reasons",
        ...[`Weekly fee`, `Quality (of ${weights.quality})`, `Price (of ${weights.price})`, "Total"].map((text) => ({ text, numeric: true })),
      ]}
      rows={rows.map((row) => ({
        key: row.offerId,
        cells: [
          row.rank,
          { header: true, content: `${row.settingName}, ${row.organisationName}` },
          <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
            {criteria.map((c) => (
              <li key={c.id}>
                {c.label}: {row.scores[c.id] ?? 0}
                {row.reasons[c.id] ? <span className="govuk-!-display-block govuk-hint govuk-!-margin-bottom-0">Reason: {row.reasons[c.id]}</span> : null}
              </li>
            ))}
          </ul>,
          formatPence(row.weeklyFeePence),
          row.qualityScore,
          scoreOrRange(row.priceScore, row.priceScoreRange),
          scoreOrRange(row.total, row.totalRange),
        ],
      }))}
    />
  );
}
