import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { invitations } from "../../../db/schema";
import { conflict, notFound } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface RevokeInvitationProps {
  db: Db;
  actor: Actor;
  organisationId: string;
  invitationId: string;
  ip?: string | undefined;
}

export async function revokeInvitation({ db, actor, organisationId, invitationId, ip }: RevokeInvitationProps) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId)));
    if (!existing) throw notFound("The invitation");
    if (existing.acceptedAt) throw conflict("That invitation has been accepted; remove the person from the organisation instead.");
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.revokedAt)))
      .returning();
    await recordAudit(tx, {
      action: "invitation.revoke",
      recordType: "invitation",
      recordId: invitationId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { organisationId },
    });
    return row ?? existing;
  });
}
