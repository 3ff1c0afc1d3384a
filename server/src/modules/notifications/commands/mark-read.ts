import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { notifications } from "../../../db/schema";
import { loadOwnNotification } from "../queries";

/** Marks one of the person's notifications read; reading it again keeps the first time. */
export async function markNotificationRead({ db, userId, id }: { db: Db; userId: string; id: string }) {
  const row = await loadOwnNotification(db, userId, id);
  if (row.readAt) return row;
  const [updated] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return updated ?? row;
}

/** Marks every unread notification of the person read: the count of those marked. */
export async function markAllNotificationsRead({ db, userId }: { db: Db; userId: string }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
