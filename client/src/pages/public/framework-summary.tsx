import type { RegionSummary } from "../../../../shared/src/schemas/region";
import { formatDate } from "../../components/format-date";

type Framework = RegionSummary["frameworks"][number];

export function FrameworkSummary({ framework }: { framework: Framework }) {
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Framework</dt>
          <dd className="govuk-summary-list__value">{framework.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Term</dt>
          <dd className="govuk-summary-list__value">
            {formatDate(framework.termStart)} to {formatDate(framework.termEnd)}
          </dd>
        </div>
      </dl>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Lots on the {framework.name}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header govuk-table__header--numeric govuk-!-width-one-quarter">
              Lot
            </th>
            <th scope="col" className="govuk-table__header">
              What is bought
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {framework.lots.map((lot) => (
            <tr key={lot.number} className="govuk-table__row">
              <td className="govuk-table__cell govuk-table__cell--numeric">{lot.number}</td>
              <td className="govuk-table__cell">{lot.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
