import { and, eq, isNull } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { apiTokens, type organisations, sessions, users } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { type LiveHub, rooms } from "../../../realtime/live-hub";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { loadMember } from "../queries";

export interface RemoveMemberProps {
  db: Db;
  live: LiveHub;
  actor: Actor;
  organisation: typeof organisations.$inferSelect;
  userId: string;
  ip?: string | undefined;
}

/**
 * Takes a person out of the organisation: their sessions end, their tokens are revoked and their
 * live connections close at once, so access stops now rather than at the next sign-in.
 */
export async function removeMember({ db, live, actor, organisation, userId, ip }: RemoveMemberProps) {
  if (userId === actor.userId) throw conflict("You cannot remove yourself. Ask another administrator.", DomainErrorCode.OwnMembership);
  await db.transaction(async (tx) => {
    const member = await loadMember(tx, organisation.id, userId);
    await tx.update(users).set({ organisationId: null, role: null, orgAdmin: false }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    await recordAudit(tx, {
      action: "member.remove",
      recordType: "user",
      recordId: userId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { organisationId: organisation.id, role: member.role },
    });
  });
  live.disconnect(rooms.user(userId));
}
