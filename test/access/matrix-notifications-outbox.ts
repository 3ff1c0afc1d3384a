import { byRole, type MatrixEntry } from "./matrix";

/** The hub's view of the e-mail outbox (the matrix's app has no NOTIFY_API_KEY, so the development page answers). */
export const NOTIFICATIONS_OUTBOX_MATRIX: MatrixEntry[] = [
  {
    route: "GET /api/v1/notifications/outbox-problems",
    request: async () => ({ path: "/api/v1/notifications/outbox-problems" }),
    expect: byRole({ regional_admin: 200 }, 403),
  },
  {
    route: "GET /api/v1/dev/outbox",
    request: async () => ({ path: "/api/v1/dev/outbox" }),
    expect: byRole({ regional_admin: 200 }, 403),
  },
];
