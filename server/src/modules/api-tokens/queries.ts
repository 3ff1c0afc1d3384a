import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { builtOnce } from "../../db/built-once";
import type { Db } from "../../db/client";
import { apiTokens, organisations, users } from "../../db/schema";
import { type Actor, actorColumns, actorOf } from "../identity/actor";
import { hashToken, looksLikeToken } from "./token-secret";

export function listTokensOf(db: Db, userId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

// Writing last_used_at on every request would turn every read into a write.
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

/**
 * The token and its person in one round trip, built once per database (builtOnce) and named, so
 * prepared on each connection: every request and connection with a token starts here, and
 * building the join took drizzle longer than PostgreSQL took to run it (a lookup by a unique
 * hash, whose plan never depends on the values, so PostgreSQL's generic plan for it is the right one).
 */
const tokenActorQuery = builtOnce(
  (db) =>
    db
      .select({ token: { id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt }, ...actorColumns })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql.placeholder("now")))),
  "actor_for_token",
);

/** The actor a live (unrevoked, unexpired) token with this secret acts for, if any. */
export async function actorForToken(db: Db, token: string): Promise<Actor | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const now = new Date();
  const [row] = await tokenActorQuery(db).execute({ tokenHash: hashToken(token), now: now.toISOString() });
  if (!row) return undefined;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiTokens.id, row.token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))),
      );
  }
  return actorOf(row, "token", row.token.id);
}
