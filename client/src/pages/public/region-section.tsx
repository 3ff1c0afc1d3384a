import { Link } from "react-router";
import type { RegionSummary } from "@shared/schemas/region";
import { publicInsightsPath } from "../../lib/paths";
import { CouncilTable } from "./council-table";
import { FrameworkSummary } from "./framework-summary";
import { OrganisationCounts } from "./organisation-counts";

export function RegionSection({ region }: { region: RegionSummary }) {
  const headingId = `region-${region.code}`;
  return (
    <section className="govuk-!-margin-bottom-9" aria-labelledby={headingId}>
      <h3 className="govuk-heading-m" id={headingId}>
        {region.name}
      </h3>
      <OrganisationCounts counts={region.organisationCounts} />
      {region.frameworks.length === 0 ? (
        <p className="govuk-body">This region has not published a framework yet.</p>
      ) : (
        region.frameworks.map((framework) => <FrameworkSummary key={framework.id} framework={framework} />)
      )}
      <CouncilTable regionName={region.name} councils={region.councils} />
      <p className="govuk-body">
        <Link className="govuk-link" to={publicInsightsPath(region.id)}>
          Placements in {region.name}: published figures
        </Link>
      </p>
    </section>
  );
}
