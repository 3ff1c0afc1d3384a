import { Router } from "express";
import { MatchesQuerySchema, MatchesResponseSchema } from "@shared/schemas/matching";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { findMatches } from "./service";

export function matchingRoutes(db: Db): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/children/:id/matches",
    tag: "matching",
    access: "signed-in",
    before: [requireMember()],
    summary:
      "Listed settings of the region ranked for a child: hard rules first, then six weighted criteria, each with its points and reason; explain=excluded also lists every setting left out and why. Reads the profile (audited)",
    input: { params: IdParamsSchema, query: MatchesQuerySchema },
    responses: {
      200: { description: "Matches, best first", schema: MatchesResponseSchema },
      404: { description: "No such profile, or not your council's" },
      409: { description: "The profile lacks what matching needs; the message names it" },
    },
    handler: async (req, res, input) => {
      res.json({ data: await findMatches({ db, actor: memberOf(req), childId: input.params.id, query: input.query, ip: req.ip }) });
    },
  });
  return router;
}
