import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { apiTokens } from "../../../db/schema";
import { notFound } from "../../../http/app-error";
import { type LiveHub, rooms } from "../../../realtime/live-hub";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";

export interface RevokeApiTokenProps {
  db: Db;
  live: LiveHub;
  actor: Actor;
  tokenId: string;
  ip?: string | undefined;
}

/** Revokes one of the actor's own tokens; its live connections end at once. */
export async function revokeApiToken({ db, live, actor, tokenId, ip }: RevokeApiTokenProps) {
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!updated) throw notFound("The token");
    await recordAudit(tx, {
      action: "token.revoke",
      recordType: "api_token",
      recordId: tokenId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
    });
    return updated;
  });
  live.disconnect(rooms.token(tokenId));
  return row;
}
