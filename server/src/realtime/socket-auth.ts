import { parse as parseCookie } from "cookie";
import { unsign } from "cookie-signature";
import type { Socket } from "socket.io";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { actorForToken } from "../modules/api-tokens/queries";
import { sessionCookieName } from "../modules/auth/session-middleware";
import type { PostgresSessionStore } from "../modules/auth/session-store";
import { type Actor, loadActor } from "../modules/identity/actor";

export interface SocketIdentity {
  actor: Actor;
  sessionId?: string;
}

function sessionIdFromCookie(header: string | undefined, env: Env): string | undefined {
  if (!header) return undefined;
  const raw = parseCookie(header)[sessionCookieName(env)];
  if (!raw?.startsWith("s:")) return undefined;
  const sid = unsign(raw.slice(2), env.sessionSecret);
  return sid === false ? undefined : sid;
}

/** The same credentials as HTTP: the session cookie, or `auth: { token }` for integrations. */
export async function identifySocket(socket: Socket, deps: { db: Db; env: Env; store: PostgresSessionStore }): Promise<SocketIdentity | undefined> {
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof token === "string") {
    const actor = await actorForToken(deps.db, token);
    return actor ? { actor } : undefined;
  }
  const sid = sessionIdFromCookie(socket.handshake.headers.cookie, deps.env);
  if (!sid) return undefined;
  const data = await new Promise<{ passport?: { user?: string } } | null | undefined>((resolve, reject) =>
    deps.store.get(sid, (error, value) => (error ? reject(error) : resolve(value))),
  );
  const userId = data?.passport?.user;
  const actor = userId ? await loadActor(deps.db, userId, "session") : undefined;
  return actor ? { actor, sessionId: sid } : undefined;
}
