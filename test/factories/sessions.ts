import { randomBytes } from "node:crypto";
import { sign } from "cookie-signature";
import type { Db } from "../../server/src/db/client";
import { sessions } from "../../server/src/db/schema";
import type { Env } from "../../server/src/env";
import { sessionCookieName } from "../../server/src/modules/auth/session-middleware";
import { IDLE_TIMEOUT_MS } from "../../server/src/modules/auth/session-store";

export interface BuiltSession {
  /** Send as the request's headers: the session cookie and its CSRF token (a write without them is refused). */
  headers: { cookie: string; "X-CSRF-Token": string };
}

/**
 * A signed-in browser session for a person, stored as the session store stores one after the
 * OpenID Connect callback, for routes only a browser session may use (making API tokens) when a
 * test has no listening server to sign in through.
 */
export async function buildSession(db: Db, env: Pick<Env, "publicUrl" | "sessionSecret">, userId: string): Promise<BuiltSession> {
  const sid = randomBytes(18).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + IDLE_TIMEOUT_MS);
  const data = {
    cookie: { originalMaxAge: IDLE_TIMEOUT_MS, expires: expiresAt.toISOString(), httpOnly: true, path: "/", sameSite: "lax", secure: false },
    passport: { user: userId },
    signedInAt: Date.now(),
    csrfToken,
  };
  await db.insert(sessions).values({ sid, data, userId, expiresAt });
  const cookie = `${sessionCookieName(env)}=${encodeURIComponent(`s:${sign(sid, env.sessionSecret)}`)}`;
  return { headers: { cookie, "X-CSRF-Token": csrfToken } };
}
