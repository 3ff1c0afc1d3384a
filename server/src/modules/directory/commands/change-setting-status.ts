import { eq } from "drizzle-orm";
import type { SettingStatusUpdateInput } from "@shared/schemas/settings";
import type { Db } from "../../../db/client";
import { settings } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { missingForPublication } from "../completeness";
import type { SettingRow } from "../queries";

export interface ChangeSettingStatusProps {
  db: Db;
  actor: Actor;
  setting: SettingRow;
  input: SettingStatusUpdateInput;
  ip?: string | undefined;
}

/** Publish, withdraw to draft, or (the hub) suspend with a reason the provider sees. */
export async function changeSettingStatus({ db, actor, setting, input, ip }: ChangeSettingStatusProps): Promise<SettingRow> {
  if (input.status === "published") {
    const missing = missingForPublication(setting);
    if (missing.length > 0) throw validationFailed(missing);
  }
  if (input.status === "suspended" && !input.reason) {
    throw validationFailed([{ path: "body.reason", message: "Give the reason for suspending the setting; its provider will see it" }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(settings)
      .set({ status: input.status, statusReason: input.status === "suspended" ? (input.reason ?? null) : null, updatedAt: new Date() })
      .where(eq(settings.id, setting.id))
      .returning();
    if (!row) throw new Error("status update returned nothing");
    await recordAudit(tx, {
      action: "setting.status_change",
      recordType: "setting",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      reason: input.reason ?? null,
      details: { from: setting.status, to: input.status },
    });
    return row;
  });
}
