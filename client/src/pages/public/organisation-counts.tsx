import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import type { RegionSummary } from "@shared/schemas/region";

const NOUNS: Record<OrganisationKind, [singular: string, plural: string]> = {
  council: ["council", "councils"],
  provider: ["provider", "providers"],
  parent_forum: ["Parent Carer Forum", "Parent Carer Forums"],
  regional_hub: ["regional commissioning hub", "regional commissioning hubs"],
};

const ORDER: OrganisationKind[] = ["council", "provider", "parent_forum", "regional_hub"];

export function OrganisationCounts({ counts }: { counts: RegionSummary["organisationCounts"] }) {
  const parts = ORDER.map((kind) => {
    const count = counts[kind] ?? 0;
    const [singular, plural] = NOUNS[kind];
    return `${count} ${count === 1 ? singular : plural}`;
  });
  return <p className="govuk-body">Taking part: {parts.join(", ")}.</p>;
}
