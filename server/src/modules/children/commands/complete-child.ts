import { eq } from "drizzle-orm";
import { missingAnswerMessage } from "@shared/schemas/child-questions";
import type { Db } from "../../../db/client";
import { type ChildProfileRow, childProfiles } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Commissioner } from "./save-child";

export interface CompleteChildProps {
  db: Db;
  actor: Commissioner;
  /** A profile the actor may see (loadChildRow). */
  child: ChildProfileRow;
  ip?: string | undefined;
}

/**
 * Marks a draft complete once every question has an answer, after the commissioner has checked
 * them; otherwise a 400 lists each question still to answer, by its path, in the task list's
 * order. Completing a complete profile changes nothing.
 */
export async function completeChild({ db, actor, child, ip }: CompleteChildProps): Promise<ChildProfileRow> {
  if (child.status === "complete") return child;
  if (child.unanswered.length > 0) throw validationFailed(child.unanswered.map((path) => ({ path, message: missingAnswerMessage(path) })));
  return db.transaction(async (tx) => {
    const [row] = await tx.update(childProfiles).set({ status: "complete", updatedAt: new Date() }).where(eq(childProfiles.id, child.id)).returning();
    if (!row) throw new Error("child update returned nothing");
    await recordAudit(tx, {
      action: "child_profile.complete",
      recordType: "child_profile",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
    });
    return row;
  });
}
