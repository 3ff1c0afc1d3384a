import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiTokens } from "../../db/schema";
import { hashToken, looksLikeToken } from "./token-secret";

export function listTokensOf(db: Db, userId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

// Writing last_used_at on every request would turn every read into a write.
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

/** The live (unrevoked, unexpired) token with this secret, if any. */
export async function findActiveToken(db: Db, token: string) {
  if (!looksLikeToken(token)) return undefined;
  const now = new Date();
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (row && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
  }
  return row;
}
