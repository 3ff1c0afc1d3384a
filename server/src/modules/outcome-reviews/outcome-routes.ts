import { Router } from "express";
import { ChildOutcomesInputSchema, ChildOutcomesResponseSchema } from "@shared/schemas/outcome-reviews";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { loadChildRow, readChildRow } from "../children/queries";
import { saveOutcomes } from "./commands/save-outcomes";
import { presentOutcome } from "./present";
import { outcomesOf } from "./queries";

/** The outcomes of a child's EHC plan (section E): the profile's access, its council's commissioners only. */
export function childOutcomeRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "outcome reviews", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/children/:id/outcomes",
    summary: "The outcomes of a child's EHC plan (section E), current and retired, for its council's commissioners; audited as a profile read",
    input: { params: IdParamsSchema },
    responses: {
      200: { description: "Current outcomes in the plan's order, then retired ones", schema: ChildOutcomesResponseSchema },
      404: { description: "No such profile, or not your council's" },
    },
    handler: async (req, res, input) => {
      const { row } = await readChildRow({ db, actor: memberOf(req), id: input.params.id, purpose: "outcomes", ip: req.ip });
      res.json({ data: (await outcomesOf(db, row.id)).map(presentOutcome) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/children/:id/outcomes",
    summary: "Replace the plan's outcomes with this ordered list: a listed id keeps its row, one left out is retired (never deleted)",
    input: { params: IdParamsSchema, body: ChildOutcomesInputSchema },
    responses: {
      200: { description: "The outcomes after the change", schema: ChildOutcomesResponseSchema },
      400: { description: "Every problem: an id not of this child's, a statement that identifies someone" },
      404: { description: "No such profile, or not your council's" },
    },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const child = await loadChildRow(db, actor, input.params.id);
      const rows = await saveOutcomes({ db, actor, child, input: input.body, ip: req.ip });
      res.json({ data: rows.map(presentOutcome) });
    },
  });
  return router;
}
