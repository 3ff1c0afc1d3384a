import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { NotificationDelivery, NotificationKind } from "@shared/codes/notifications";
import type { DbOrTx } from "../../db/client";
import { notificationPreferences, notifications } from "../../db/schema";
import { notFound } from "../../http/app-error";

/** A person's own notifications, newest first. */
export async function notificationsOf(db: DbOrTx, userId: string, { unreadOnly, limit }: { unreadOnly: boolean; limit: number }) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function unreadCountOf(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** One of the person's own notifications; another's is "not found", never "forbidden", so ids reveal nothing. */
export async function loadOwnNotification(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) throw notFound("The notification");
  return row;
}

export async function preferencesOf(db: DbOrTx, userId: string): Promise<Map<NotificationKind, NotificationDelivery>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((r) => [r.kind, r.delivery]));
}
