import type { RegionSummary } from "../../../../shared/src/schemas/region";

interface CouncilTableProps {
  regionName: string;
  councils: RegionSummary["councils"];
}

/** Folded into a details component: a region can have two dozen councils. */
export function CouncilTable({ regionName, councils }: CouncilTableProps) {
  if (councils.length === 0) return <p className="govuk-body">No councils have joined this region yet.</p>;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Councils taking part in {regionName} ({councils.length})
        </span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Councils in {regionName}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Council
              </th>
              <th scope="col" className="govuk-table__header">
                Local authority code
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {councils.map((council) => (
              <tr key={council.id} className="govuk-table__row">
                <td className="govuk-table__cell">{council.name}</td>
                <td className="govuk-table__cell">{council.laCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
