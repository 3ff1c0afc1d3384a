import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import { conflict } from "../http/app-error";
import { writeBeforeCommit } from "./before-commit";
import type { Db, Tx } from "./client";
import { isUniqueViolation } from "./errors";
import { idempotencyKeys } from "./schema";

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this is the first call's stored answer, returned again. */
  replayed: boolean;
}

export interface IdempotencyProps<T> {
  db: Db;
  userId: string;
  /** The client's Idempotency-Key header; without one the work simply runs. */
  key: string | undefined;
  /** What the key was used for (e.g. "offer:<requestId>"): the same key elsewhere is a mistake. */
  scope: string;
  work: (tx: Tx) => Promise<{ status: number; body: T }>;
}

/**
 * Runs `work` once per (user, key): the key is claimed first in the same transaction, so a
 * concurrent retry waits on it and, once the first commits, gets the stored answer instead of
 * doing the work twice. If the work fails, the claim rolls back with it and a retry may run.
 * The stored answer is read only when the claim fails: looking first would cost every first
 * submission a round trip to spare the rare retry one.
 */
export async function once<T>({ db, userId, key, scope, work }: IdempotencyProps<T>): Promise<StoredResponse<T>> {
  if (!key) return { ...(await db.transaction(work)), replayed: false };
  try {
    const result = await db.transaction(async (tx) => {
      await tx.insert(idempotencyKeys).values({ userId, key, scope, status: 0, body: {} });
      const answer = await work(tx);
      const keep = () =>
        tx
          .update(idempotencyKeys)
          .set({ status: answer.status, body: answer.body as object })
          .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
          .getSQL();
      // The answer is kept in the same statement as the work's own last writes (its audit entry,
      // its live events): one round trip, not two, while the work's locks are held.
      if (!writeBeforeCommit(tx, keep)) await tx.execute(keep());
      return answer;
    });
    return { ...result, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const again = await storedAnswer<T>(db, userId, key, scope);
    if (!again) throw error;
    return again;
  }
}

async function storedAnswer<T>(db: Db, userId: string, key: string, scope: string): Promise<StoredResponse<T> | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), sql`status > 0`));
  if (!row) return undefined;
  if (row.scope !== scope)
    throw conflict(
      "This Idempotency-Key was already used for a different request. Use a new key for each new submission.",
      DomainErrorCode.IdempotencyKeyReused,
    );
  return { status: row.status, body: row.body as T, replayed: true };
}
