import { buildInvoiceFor } from "../factories/payments";
import { byRole, type MatrixEntry } from "./matrix";

const ownOnly = (ok: number) => ({ own: ok, other: 404 });

/** The payments reads: invoices (JSON, CSV, one), the hub's overview, a council's waiting placements, a provider's payouts. */
export const PAYMENTS_READS_MATRIX: MatrixEntry[] = [
  {
    // Which invoices each sees is the query's scope (test/payments/reads.test.ts); here, who may ask.
    route: "GET /api/v1/payments/invoices",
    request: async () => ({ path: "/api/v1/payments/invoices" }),
    expect: byRole({ regional_admin: 200, commissioner: 200, commissioner_admin: 200, provider: 200, provider_admin: 200 }, 403),
  },
  {
    route: "GET /api/v1/payments/invoices.csv",
    request: async () => ({ path: "/api/v1/payments/invoices.csv" }),
    expect: byRole({ regional_admin: 200, commissioner: 200, commissioner_admin: 200, provider: 200, provider_admin: 200 }, 403),
  },
  {
    // An invoice of the actor's council, provider or (the hub) region; "other" is another's.
    route: "GET /api/v1/payments/invoices/:id",
    request: async ({ db, actor, scope, orgId, role }) => {
      const regionId = role === "regional_admin" && scope === "other" ? actor.otherRegionId : actor.regionId;
      const party = role === "commissioner" ? { councilId: orgId } : role === "provider" ? { providerId: orgId } : {};
      return { path: `/api/v1/payments/invoices/${await buildInvoiceFor(db, { regionId, ...party })}` };
    },
    expect: byRole(
      { regional_admin: ownOnly(200), commissioner: ownOnly(200), commissioner_admin: ownOnly(200), provider: ownOnly(200), provider_admin: ownOnly(200) },
      403,
    ),
  },
  {
    route: "GET /api/v1/payments/overview",
    request: async () => ({ path: "/api/v1/payments/overview" }),
    expect: byRole({ regional_admin: 200 }, 403),
  },
  {
    route: "GET /api/v1/payments/waiting",
    request: async () => ({ path: "/api/v1/payments/waiting" }),
    expect: byRole({ commissioner: 200, commissioner_admin: 200 }, 403),
  },
  {
    route: "GET /api/v1/payments/payouts",
    request: async () => ({ path: "/api/v1/payments/payouts" }),
    expect: byRole({ provider: 200, provider_admin: 200 }, 403),
  },
];
