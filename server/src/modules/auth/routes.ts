import { type Request, type Response, Router } from "express";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import type { RateLimiters } from "../../http/rate-limits";
import { type LiveHub, rooms } from "../../realtime/live-hub";
import { recordAudit } from "../audit/record-audit";
import { sessionCookieName } from "./session-middleware";
import type { createSignInFlow } from "./sign-in-flow";

export interface AuthRouteDeps {
  db: Db;
  env: Env;
  live: LiveHub;
  limits: RateLimiters;
  flow: ReturnType<typeof createSignInFlow>;
}

/** Browser sign-in and sign-out. Not JSON API routes: they redirect. */
export function authRoutes({ db, env, live, limits, flow }: AuthRouteDeps): Router {
  const router = Router();
  router.use("/auth", flow.initialize);
  router.get("/auth/login", limits.signIn, flow.login);
  router.get("/auth/callback", limits.signIn, flow.callback);
  router.post("/auth/logout", async (req: Request, res: Response) => {
    const sid = req.sessionID;
    if (req.actor?.via === "session") {
      await recordAudit(db, {
        action: "auth.sign_out",
        recordType: "user",
        recordId: req.actor.userId,
        actorUserId: req.actor.userId,
        actorOrganisationId: req.actor.organisationId,
        ip: req.ip,
      });
    }
    await new Promise<void>((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));
    res.clearCookie(sessionCookieName(env), { path: "/", httpOnly: true, sameSite: "lax", secure: env.publicUrl.startsWith("https://") });
    if (sid) live.disconnect(rooms.session(sid));
    if (req.accepts(["html", "json"]) === "json") res.status(204).end();
    else res.redirect(303, PAGE_PATHS.signedOut);
  });
  return router;
}
