import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { type ChildProfileRow, childShortlists } from "../../../db/schema";
import { notFound } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import { isListed, loadSetting } from "../../directory/queries";
import type { Actor } from "../../identity/actor";

export interface ChangeShortlistProps {
  db: Db;
  actor: Actor;
  child: ChildProfileRow;
  settingId: string;
  change: "add" | "remove";
  ip?: string | undefined;
}

/** Adds a listed setting of the region to the child's shortlist (idempotent), or takes it off. */
export async function changeShortlist({ db, actor, child, settingId, change, ip }: ChangeShortlistProps): Promise<void> {
  if (change === "add") {
    const found = await loadSetting(db, settingId);
    if (!found || found.owner.regionId !== actor.regionId || !(await isListed(db, settingId))) throw notFound("The setting");
  }
  await db.transaction(async (tx) => {
    const changed =
      change === "add"
        ? await tx.insert(childShortlists).values({ childId: child.id, settingId, addedBy: actor.userId }).onConflictDoNothing().returning()
        : await tx
            .delete(childShortlists)
            .where(and(eq(childShortlists.childId, child.id), eq(childShortlists.settingId, settingId)))
            .returning();
    if (change === "remove" && changed.length === 0) throw notFound("The setting on this shortlist");
    if (changed.length > 0) {
      await recordAudit(tx, {
        action: `child_shortlist.${change}`,
        recordType: "child_profile",
        recordId: child.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { settingId },
      });
    }
  });
}
