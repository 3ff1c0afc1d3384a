import { ALWAYS_EMAILED, type NotificationDelivery, type NotificationKind } from "@shared/codes/notifications";
import type { Notification } from "@shared/schemas/notifications";
import type { NotificationRow } from "../../db/schema";
import { deliveryFor } from "./notify";

export const presentNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

/** Each kind of the person's with how it is delivered now: what notify() would do, never a second rule. */
export const presentPreferences = (kinds: readonly NotificationKind[], chosen: ReadonlyMap<NotificationKind, NotificationDelivery>) => ({
  data: kinds.map((kind) => ({ kind, delivery: deliveryFor(kind, chosen.get(kind)), changeable: !ALWAYS_EMAILED.includes(kind) })),
});
