import { ORGANISATION_KINDS } from "@shared/codes/organisation-kinds";
import type { RegionSummary } from "@shared/schemas/region";
import type { RegionRows } from "./queries";

export function presentRegionSummary(row: RegionRows[number]): RegionSummary {
  return {
    id: row.region.id,
    code: row.region.code,
    name: row.region.name,
    councils: row.councils.map((c) => ({ id: c.id, name: c.name, laCode: c.laCode ?? "" })),
    frameworks: row.frameworks.map(({ framework, lots }) => ({
      id: framework.id,
      name: framework.name,
      termStart: framework.termStart,
      termEnd: framework.termEnd,
      lots: lots.map((l) => ({ number: l.number, name: l.name })),
    })),
    organisationCounts: Object.fromEntries(
      ORGANISATION_KINDS.map((kind) => [kind, row.counts.find((c) => c.kind === kind)?.n ?? 0]),
    ) as RegionSummary["organisationCounts"],
  };
}
