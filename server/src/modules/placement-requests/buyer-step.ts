import type { Router } from "express";
import type { z } from "zod";
import { IdParamsSchema } from "@shared/schemas/params";
import { RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import type { PlacementRequestRow } from "../../db/schema";
import { type Member, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { loadAsBuyer } from "./load";
import { buildRequestView } from "./view";

export interface BuyerStepContext<B> {
  actor: Member;
  request: PlacementRequestRow;
  body: B;
  ip: string | undefined;
}

/**
 * A council's step on a request (open, cancel, score, evaluate, price round, award): load it as
 * the buyer, run the command (its own transaction, which queues its live events: live-outbox.ts),
 * answer with the council's view. One shape for every step, so none forgets the access check.
 */
export function buyerStep<S extends z.ZodType | undefined>(
  router: Router,
  db: Db,
  spec: {
    method?: "post" | "put";
    path: string;
    summary: string;
    description: string;
    body?: S;
    run: (ctx: BuyerStepContext<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<unknown>;
  },
): void {
  const method = spec.method ?? "post";
  defineRoute(router, {
    tag: "placement requests",
    access: "signed-in",
    before: [requireMember()],
    method,
    path: spec.path,
    summary: spec.summary,
    input: spec.body ? { params: IdParamsSchema, body: spec.body } : { params: IdParamsSchema },
    responses: {
      200: { description: spec.description, schema: RequestViewResponseSchema },
      409: { description: "Not possible from the request's current state (named)" },
    },
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      await spec.run({ actor, request, body: (input as { body?: unknown }).body as never, ip: req.ip });
      const { request: after } = await loadAsBuyer(db, req, input.params.id);
      res.json({ data: await buildRequestView(db, after, { kind: "commissioner" }) });
    },
  });
}
