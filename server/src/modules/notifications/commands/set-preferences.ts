import { sql } from "drizzle-orm";
import { ALWAYS_EMAILED, NOTIFICATION_KIND_LABELS } from "@shared/codes/notifications";
import type { ValidationIssue } from "@shared/errors";
import type { NotificationPreferencesInput } from "@shared/schemas/notifications";
import type { Db } from "../../../db/client";
import { notificationPreferences } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { notificationKindsFor } from "../policy";

export interface SetPreferencesProps {
  db: Db;
  actor: Member;
  input: NotificationPreferencesInput;
  ip?: string | undefined;
}

/**
 * Stores how the person wants each kind delivered, audited. Every entry that may not be changed
 * is named at once (400): a kind that is always e-mailed, one that is not for their role, or a
 * kind given twice; then nothing is stored.
 */
export async function setNotificationPreferences({ db, actor, input, ip }: SetPreferencesProps) {
  const theirs = notificationKindsFor(actor);
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  input.preferences.forEach(({ kind }, i) => {
    const path = `body.preferences.${i}.kind`;
    if (!theirs.includes(kind)) issues.push({ path, message: `You are not told of "${NOTIFICATION_KIND_LABELS[kind]}"` });
    else if (ALWAYS_EMAILED.includes(kind)) issues.push({ path, message: `"${NOTIFICATION_KIND_LABELS[kind]}" is always e-mailed straight away` });
    else if (seen.has(kind)) issues.push({ path, message: "Choose each kind of notification once" });
    seen.add(kind);
  });
  if (issues.length > 0) throw validationFailed(issues);

  await db.transaction(async (tx) => {
    for (const { kind, delivery } of input.preferences) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: actor.userId, kind, delivery })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { delivery, updatedAt: sql`now()` },
        });
    }
    await recordAudit(tx, {
      action: "notification_preferences.change",
      recordType: "user",
      recordId: actor.userId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { preferences: input.preferences.map(({ kind, delivery }) => ({ kind, delivery })) },
    });
  });
}
