import { Router } from "express";
import { MeSchema } from "@shared/schemas/identity";
import { actorOf, requireSignedIn } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { presentMe } from "./present";

export function identityRoutes(): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/me",
    summary: "The signed-in person, their organisation and role",
    tag: "identity",
    access: "signed-in",
    before: [requireSignedIn],
    responses: { 200: { description: "You", schema: MeSchema } },
    handler: (req, res) => {
      const actor = actorOf(req);
      res.setHeader("Cache-Control", "no-store").json({ data: presentMe(actor, actor.via === "session" ? req.session?.csrfToken : undefined) });
    },
  });
  return router;
}
