import type { Criterion, EvaluationRow, RequestSummary } from "../../../../shared/src/schemas/placement-requests";
import type { ScoreRange } from "../../../../shared/src/tenders/evaluate";
import { formatPence } from "../../../../shared/src/money";
import { TableHead } from "../../components/table-head";

interface EvaluationTableProps {
  rows: readonly EvaluationRow[];
  criteria: readonly Criterion[];
  weights: RequestSummary["weights"];
  caption: string;
}

/** A provider sees its price score and total as a range, which keeps the lowest fee (a rival's price) from it. */
const scoreOrRange = (exact: number | null, range: ScoreRange | null) => (range ? `${range.low} to ${range.high}` : exact);

/** Totals and ranks: quality from the council's 0-5 scores, price from the lowest fee. */
export function EvaluationTable({ rows, criteria, weights, caption }: EvaluationTableProps) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <TableHead
        columns={["Rank", "Setting", "Scores (0 to 5)", ...[`Weekly fee`, `Quality (of ${weights.quality})`, `Price (of ${weights.price})`, "Total"].map((text) => ({ text, numeric: true }))]}
      />
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={row.offerId} className="govuk-table__row">
            <td className="govuk-table__cell">{row.rank}</td>
            <th scope="row" className="govuk-table__header">
              {row.settingName}, {row.organisationName}
            </th>
            <td className="govuk-table__cell">
              <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                {criteria.map((c) => (
                  <li key={c.id}>
                    {c.label}: {row.scores[c.id] ?? 0}
                  </li>
                ))}
              </ul>
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(row.weeklyFeePence)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{row.qualityScore}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{scoreOrRange(row.priceScore, row.priceScoreRange)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{scoreOrRange(row.total, row.totalRange)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
