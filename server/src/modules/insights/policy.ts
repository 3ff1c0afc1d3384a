import type { InsightsFilter } from "@shared/insights/contract";
import type { Member } from "../../http/require-actor";

/** The regional insights are the hub's and the councils' commissioners'; providers and panels read the published summary. */
export const canSeeInsights = (actor: Member) => actor.role === "regional_admin" || actor.role === "commissioner";

export const NOT_FOR_YOU = "The regional insights are for the regional hub and council commissioners. The published regional summary is open to everyone.";

/**
 * Why this filter is refused to the actor, or null: the hub sees the region with any council's
 * detail; a commissioner the regional figures and their own council's detail, never another's.
 */
export function councilRefusal(actor: Member, filter: Pick<InsightsFilter, "council">): string | null {
  if (actor.role === "regional_admin" || !filter.council || filter.council === actor.organisationId) return null;
  return "You can see the regional figures and your own council's, not another council's. Remove the council, or choose your own.";
}

/** The published period is the hub's to see and, for its administrators, to change. */
export const canSeePublication = (actor: Member) => actor.role === "regional_admin";
export const canPublish = (actor: Member) => actor.role === "regional_admin" && actor.orgAdmin;
