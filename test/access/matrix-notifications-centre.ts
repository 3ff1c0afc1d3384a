import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { NotificationKind } from "@shared/codes/notifications";
import type { Role } from "@shared/codes/roles";
import type { Db } from "../../server/src/db/client";
import { notifications } from "../../server/src/db/schema";
import { notify } from "../../server/src/modules/notifications/notify";
import { buildUser } from "../factories/users";
import { byRole, type MatrixEntry, ownOrganisation } from "./matrix";

/** A notification of the person's own, or (without one) of someone else's. */
async function notificationFor(db: Db, userId: string | undefined): Promise<string> {
  const owner = userId ?? (await buildUser(db, { role: "provider" })).user.id;
  const about = `matrix:${randomUUID()}`;
  await notify(db, { kind: "request_closed", userIds: [owner], about, title: "Request closed", body: "Closed", link: "/" });
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(eq(notifications.about, about));
  if (!row) throw new Error("no notification");
  return row.id;
}

/** A kind each role may change; the hub's staff who are not administrators have none. */
const CHANGEABLE: Record<Role, NotificationKind> = {
  provider: "request_invited",
  commissioner: "question_received",
  parent_panel: "round_opened",
  regional_admin: "application_decided",
};

/** The notification centre: everyone's own, never another's. */
export const NOTIFICATIONS_CENTRE_MATRIX: MatrixEntry[] = [
  {
    route: "GET /api/v1/notifications",
    request: async () => ({ path: "/api/v1/notifications" }),
    expect: byRole({}, 200),
  },
  {
    route: "POST /api/v1/notifications/read-all",
    request: async () => ({ path: "/api/v1/notifications/read-all", body: {} }),
    expect: byRole({}, 200),
  },
  {
    route: "POST /api/v1/notifications/:id/read",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/notifications/${await notificationFor(db, scope === "own" ? actor.person?.user.id : undefined)}/read`,
      body: {},
    }),
    expect: ownOrganisation(200),
  },
  {
    route: "GET /api/v1/notifications/preferences",
    request: async () => ({ path: "/api/v1/notifications/preferences" }),
    expect: byRole({}, 200),
  },
  {
    route: "PUT /api/v1/notifications/preferences",
    request: async ({ actor }) => ({
      path: "/api/v1/notifications/preferences",
      body: { preferences: [{ kind: CHANGEABLE[actor.role ?? "provider"], delivery: "in_app" }] },
    }),
    expect: { ...byRole({}, 200), regional_staff: 400 },
  },
];
