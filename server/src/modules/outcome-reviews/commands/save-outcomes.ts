import { eq, inArray } from "drizzle-orm";
import type { ValidationIssue } from "@shared/errors";
import type { ChildOutcomesInput } from "@shared/schemas/outcome-reviews";
import type { Db } from "../../../db/client";
import { type ChildOutcomeRow, childOutcomes, type ChildProfileRow, childProfiles } from "../../../db/schema";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { personalDataIssues, refuseIf } from "../checks";
import { outcomesOf } from "../queries";

export interface SaveOutcomesProps {
  db: Db;
  actor: Actor;
  /** A profile the actor may see (loadChildRow). */
  child: ChildProfileRow;
  input: ChildOutcomesInput;
  ip?: string | undefined;
}

/**
 * Replaces the plan's outcomes with the list given, in its order. A listed id keeps its row
 * (its statement may be edited, a retired one comes back); an outcome left out is retired, not
 * deleted, because submitted reviews still score it.
 */
export async function saveOutcomes({ db, actor, child, input, ip }: SaveOutcomesProps): Promise<ChildOutcomeRow[]> {
  return db.transaction(async (tx) => {
    // The profile's row is the lock: two saves of the list take turns, even when it is still empty.
    await tx.select({ id: childProfiles.id }).from(childProfiles).where(eq(childProfiles.id, child.id)).for("update");
    const existing = await tx.select().from(childOutcomes).where(eq(childOutcomes.childId, child.id));
    const known = new Set(existing.map((o) => o.id));
    const issues: ValidationIssue[] = input.outcomes.flatMap((o, i) =>
      o.id !== undefined && !known.has(o.id)
        ? [{ path: `body.outcomes.${i}.id`, message: "This outcome is not one of this child's; leave the id out to add it" }]
        : [],
    );
    const seen = new Set<string>();
    input.outcomes.forEach((o, i) => {
      if (o.id === undefined) return;
      if (seen.has(o.id)) issues.push({ path: `body.outcomes.${i}.id`, message: "List each outcome once" });
      seen.add(o.id);
    });
    issues.push(...personalDataIssues(input.outcomes.map((o, i) => [`body.outcomes.${i}.statement`, o.statement])));
    refuseIf(issues);

    const now = new Date();
    const changed: string[] = [];
    const added: string[] = [];
    for (const [i, o] of input.outcomes.entries()) {
      const position = i + 1;
      const before = existing.find((e) => e.id === o.id);
      if (!before) {
        const [row] = await tx.insert(childOutcomes).values({ childId: child.id, position, statement: o.statement }).returning({ id: childOutcomes.id });
        if (row) added.push(row.id);
        continue;
      }
      if (before.position === position && before.statement === o.statement && before.retiredAt === null) continue;
      await tx.update(childOutcomes).set({ position, statement: o.statement, retiredAt: null }).where(eq(childOutcomes.id, before.id));
      changed.push(before.id);
    }
    const retired = existing.filter((e) => e.retiredAt === null && !seen.has(e.id)).map((e) => e.id);
    if (retired.length > 0) await tx.update(childOutcomes).set({ retiredAt: now }).where(inArray(childOutcomes.id, retired));
    // Ids only: the statements are about the child and the log is kept for years.
    await recordAudit(tx, {
      action: "child_outcomes.update",
      recordType: "child_profile",
      recordId: child.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { added, changed, retired },
    });
    return outcomesOf(tx, child.id);
  });
}
