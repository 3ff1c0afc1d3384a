import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { organisations, settingClaims, settings } from "../../../db/schema";
import { conflict, notFound } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";

export interface ClaimSettingProps {
  db: Db;
  /** A provider's administrator, claiming for their organisation. */
  actor: Member;
  urn: string;
  ip?: string | undefined;
}

/** A provider asks for an imported setting; the regional hub approves it, since anyone can type a URN. */
export async function claimSetting({ db, actor, urn, ip }: ClaimSettingProps) {
  const [found] = await db
    .select({ setting: settings, owner: organisations })
    .from(settings)
    .innerJoin(organisations, eq(organisations.id, settings.organisationId))
    .where(and(eq(settings.urn, urn), eq(organisations.regionId, actor.regionId)));
  if (!found) throw notFound(`A setting with URN ${urn} in your region`);
  if (found.setting.organisationId === actor.organisationId) throw conflict("That setting is already yours.");
  if (!found.owner.holdsUnclaimedSettings) {
    throw conflict("Another provider already runs that setting on Placement Exchange. If that is wrong, contact the regional commissioning hub.");
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(settingClaims)
        .values({ settingId: found.setting.id, organisationId: actor.organisationId, requestedBy: actor.userId })
        .returning();
      if (!row) throw new Error("claim insert returned nothing");
      await recordAudit(tx, {
        action: "setting.claim",
        recordType: "setting_claim",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { settingId: found.setting.id, urn },
      });
      return { claim: row, setting: found.setting };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("You have already claimed that setting; the regional hub will decide.");
    throw error;
  }
}
