import { and, eq, gt, lt } from "drizzle-orm";
import session, { type SessionData } from "express-session";
import type { Db } from "../../db/client";
import { sessions } from "../../db/schema";

declare module "express-session" {
  interface SessionData {
    /** When this person signed in: the absolute limit counts from here. */
    signedInAt?: number;
    /** Sent back as X-CSRF-Token on cookie-authenticated writes. */
    csrfToken?: string;
    passport?: { user?: string };
  }
}

// Councils' information governance asks for both: an idle limit and a hard limit per sign-in.
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;

type Callback<T = void> = (error?: unknown, value?: T) => void;

/**
 * express-session's store in PostgreSQL (server or PGlite), so any app node can serve any
 * request and a sign-out on one node ends the session everywhere.
 */
export class PostgresSessionStore extends session.Store {
  constructor(private readonly db: Db) {
    super();
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    const now = new Date();
    this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.sid, sid), gt(sessions.expiresAt, now)))
      .then(([row]) => {
        const data = row?.data as SessionData | undefined;
        if (data?.signedInAt && now.getTime() - data.signedInAt > ABSOLUTE_TIMEOUT_MS) {
          return this.db
            .delete(sessions)
            .where(eq(sessions.sid, sid))
            .then(() => callback(null, null));
        }
        callback(null, data ?? null);
      }, callback);
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    const expiresAt = new Date(Date.now() + IDLE_TIMEOUT_MS);
    const userId = data.passport?.user ?? null;
    const row = { data: data as unknown as Record<string, unknown>, userId, expiresAt };
    this.db
      .insert(sessions)
      .values({ sid, ...row })
      .onConflictDoUpdate({ target: sessions.sid, set: row })
      .then(
        () => callback?.(),
        (error: unknown) => callback?.(error),
      );
  }

  override touch(sid: string, _data: SessionData, callback?: Callback): void {
    this.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + IDLE_TIMEOUT_MS) })
      .where(eq(sessions.sid, sid))
      .then(
        () => callback?.(),
        (error: unknown) => callback?.(error),
      );
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(
        () => callback?.(),
        (error: unknown) => callback?.(error),
      );
  }

  /** Drops expired rows; called now and then so the table does not grow without end. */
  async prune(): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  }
}
