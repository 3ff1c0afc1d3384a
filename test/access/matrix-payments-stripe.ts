import { byRole, everyone, type MatrixEntry } from "./matrix";

// The matrix's app has no STRIPE_SECRET_KEY (the embedded default): what needs Stripe answers 409
// payments_not_set_up to those allowed, and the webhook 404 (not set up) to anyone.
const SETTINGS = {
  periodKind: "month",
  anchorDate: "2026-04-06",
  startsOn: "2026-04-01",
  levyBasisPoints: 100,
  cardPayments: false,
  membershipEnabled: false,
  membershipFeePence: 0,
};

/** Billing settings, Stripe Connect onboarding, membership and the Stripe webhook in the access matrix. */
export const PAYMENTS_STRIPE_MATRIX: MatrixEntry[] = [
  { route: "GET /api/v1/payments/settings", request: async () => ({ path: "/api/v1/payments/settings" }), expect: byRole({}, 200) },
  {
    route: "PUT /api/v1/payments/settings",
    request: async () => ({ path: "/api/v1/payments/settings", body: SETTINGS }),
    expect: byRole({ regional_admin: 200, regional_staff: 403 }, 403),
  },
  {
    route: "GET /api/v1/payments/connect",
    request: async () => ({ path: "/api/v1/payments/connect" }),
    expect: byRole({ provider: 200, provider_admin: 200 }, 403),
  },
  { route: "POST /api/v1/payments/connect", request: async () => ({ path: "/api/v1/payments/connect" }), expect: byRole({ provider_admin: 409 }, 403) },
  {
    route: "POST /api/v1/payments/connect/sync",
    request: async () => ({ path: "/api/v1/payments/connect/sync" }),
    expect: byRole({ provider_admin: 409 }, 403),
  },
  {
    // The matrix's region charges no membership: providers are told so (404), others refused.
    route: "GET /api/v1/payments/membership",
    request: async () => ({ path: "/api/v1/payments/membership" }),
    expect: byRole({ provider: 404, provider_admin: 404 }, 403),
  },
  {
    route: "POST /api/v1/payments/membership/checkout",
    request: async () => ({ path: "/api/v1/payments/membership/checkout" }),
    expect: byRole({ provider_admin: 409 }, 403),
  },
  {
    // Stripe's, authenticated by its signature alone; without STRIPE_WEBHOOK_SECRET it is not set up.
    route: "POST /api/v1/payments/stripe/webhook",
    request: async () => ({ path: "/api/v1/payments/stripe/webhook", body: { id: "evt_matrix", type: "account.updated" } }),
    expect: everyone(404),
  },
];
