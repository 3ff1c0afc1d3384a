import type { RegionSummary } from "@shared/schemas/region";
import { Table } from "../../components/table";

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
        <Table
          caption={`Councils in ${regionName}`}
          columns={["Council", "Local authority code"]}
          rows={councils.map((council) => ({ key: council.id, cells: [council.name, council.laCode] }))}
        />
      </div>
    </details>
  );
}
