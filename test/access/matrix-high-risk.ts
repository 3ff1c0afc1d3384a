import { DEFAULT_HIGH_RISK_RULES } from "@shared/insights/high-risk";
import { buildRequestAt } from "../factories/request-stages";
import { byRole, type MatrixEntry } from "./matrix";

const ownOnly = (ok: number) => ({ own: ok, other: 404 });

/** The high-risk definition and a placement's high-risk status in the access matrix. */
export const HIGH_RISK_MATRIX: MatrixEntry[] = [
  {
    route: "GET /api/v1/high-risk-definition",
    request: async () => ({ path: "/api/v1/high-risk-definition" }),
    expect: byRole({ regional_admin: 200, commissioner: 200, commissioner_admin: 200 }, 403),
  },
  {
    route: "PUT /api/v1/high-risk-definition",
    request: async () => ({ path: "/api/v1/high-risk-definition", body: DEFAULT_HIGH_RISK_RULES }),
    expect: byRole({ regional_admin: 200, regional_staff: 403 }, 403),
  },
  {
    // Whoever sees the placement: the council that made it and the provider delivering it.
    route: "GET /api/v1/placements/:id/high-risk",
    request: async ({ db, actor, orgId }) => {
      const parties = actor.role === "commissioner" ? { councilId: orgId } : actor.role === "provider" ? { providerOrganisationId: orgId } : {};
      const staged = await buildRequestAt(db, "awarded", { regionId: actor.regionId, ...parties });
      return { path: `/api/v1/placements/${staged.placementId}/high-risk` };
    },
    expect: byRole({ commissioner: ownOnly(200), commissioner_admin: ownOnly(200), provider: ownOnly(200), provider_admin: ownOnly(200) }, 404),
  },
];
