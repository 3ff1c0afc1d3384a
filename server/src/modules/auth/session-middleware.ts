import session from "express-session";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import { IDLE_TIMEOUT_MS, PostgresSessionStore } from "./session-store";

/** The cookie's name: `__Host-` (Secure, no Domain, Path=/) wherever the service runs on https. */
export const sessionCookieName = (env: Pick<Env, "publicUrl">) => (env.publicUrl.startsWith("https://") ? "__Host-px.sid" : "px.sid");

export function sessionMiddleware({ db, env }: { db: Db; env: Env }) {
  const store = new PostgresSessionStore(db);
  const middleware = session({
    name: sessionCookieName(env),
    secret: env.sessionSecret,
    store,
    resave: false,
    // No cookie until there is something to keep: anonymous visitors get none.
    saveUninitialized: false,
    rolling: true,
    proxy: true,
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: env.publicUrl.startsWith("https://"),
      path: "/",
      maxAge: IDLE_TIMEOUT_MS,
    },
  });
  return { middleware, store };
}
