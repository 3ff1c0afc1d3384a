import { sql } from "drizzle-orm";
import { rowsOf } from "../../server/src/db/rows";
import { buildRequestAt } from "../factories/request-stages";
import { byRole, type MatrixEntry } from "./matrix";

const ownOnly = (ok: number) => ({ own: ok, other: 404 });

/** A placement of the actor's region: the actor's council's, or delivered by the actor's provider, when they are one. */
const placementFor: MatrixEntry["request"] = async ({ db, actor, orgId }) => {
  const parties = actor.role === "commissioner" ? { councilId: orgId } : actor.role === "provider" ? { providerOrganisationId: orgId } : {};
  const staged = await buildRequestAt(db, "awarded", { regionId: actor.regionId, ...parties });
  const [placement] = await rowsOf<{ start: string }>(db, sql`SELECT start_date::text AS start FROM placements WHERE id = ${staged.placementId}`);
  return { path: `/api/v1/placements/${staged.placementId}`, body: { effectiveFrom: placement!.start, weeklyFeePence: 90_000, reason: "Matrix" } };
};

/** Fee changes and the hub's billing run in the access matrix. */
export const PAYMENTS_BILLING_MATRIX: MatrixEntry[] = [
  {
    // The council that made the placement and the provider delivering it; the hub is not a party (404).
    route: "GET /api/v1/placements/:id/fees",
    request: async (ctx) => {
      const { path } = await placementFor(ctx);
      return { path: `${path}/fees` };
    },
    expect: byRole(
      { regional_admin: 404, commissioner: ownOnly(200), commissioner_admin: ownOnly(200), provider: ownOnly(200), provider_admin: ownOnly(200) },
      403,
    ),
  },
  {
    // Only the council changes the fee; its provider sees the placement but may not (403).
    route: "POST /api/v1/placements/:id/fee-changes",
    request: async (ctx) => {
      const { path, body } = await placementFor(ctx);
      return { path: `${path}/fee-changes`, body };
    },
    expect: byRole(
      {
        regional_admin: 404,
        commissioner: ownOnly(200),
        commissioner_admin: ownOnly(200),
        provider: { own: 403, other: 404 },
        provider_admin: { own: 403, other: 404 },
      },
      403,
    ),
  },
  {
    // The matrix's app has no STRIPE_SECRET_KEY: the hub's administrators are told payments are not set up.
    route: "POST /api/v1/payments/billing-runs",
    request: async () => ({ path: "/api/v1/payments/billing-runs", body: {} }),
    expect: byRole({ regional_admin: 409, regional_staff: 403 }, 403),
  },
];
