import { and, desc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { emailOutbox, organisations, users } from "../../db/schema";

// The hub sees the e-mails of its own region's people only (joined through the person's
// organisation); invitations to people not yet users belong to no region and are not listed.
const ofRegion = (db: DbOrTx, regionId: string) =>
  db
    .select({ row: emailOutbox })
    .from(emailOutbox)
    .innerJoin(users, eq(users.id, emailOutbox.userId))
    .innerJoin(organisations, and(eq(organisations.id, users.organisationId), eq(organisations.regionId, regionId)))
    .$dynamic();

/** Failed e-mails and those pending longer than `minutes`, newest first. */
export async function outboxProblems(db: DbOrTx, regionId: string, minutes: number) {
  const rows = await ofRegion(db, regionId)
    .where(
      or(eq(emailOutbox.status, "failed"), and(eq(emailOutbox.status, "pending"), sql`${emailOutbox.createdAt} < now() - make_interval(mins => ${minutes})`)),
    )
    .orderBy(desc(emailOutbox.createdAt))
    .limit(200);
  return rows.map((r) => r.row);
}

/** The latest e-mails of the region's people, newest first. */
export async function latestOutbox(db: DbOrTx, regionId: string, limit: number) {
  const rows = await ofRegion(db, regionId).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(limit);
  return rows.map((r) => r.row);
}
