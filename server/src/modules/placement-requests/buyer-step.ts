import type { Router } from "express";
import type { z } from "zod";
import { IdParamsSchema } from "@shared/schemas/params";
import { RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import type { PlacementRequestRow } from "../../db/schema";
import { type Member, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { afterCommit } from "../../realtime/after-commit";
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
 * the buyer, run the command (its own transaction), start its live events (`publish`, through
 * afterCommit, without waiting for the answer), answer with the council's view. One shape for every
 * step, so none forgets the access check or publishes before the commit.
 */
export function buyerStep<S extends z.ZodType | undefined, R>(
  router: Router,
  db: Db,
  spec: {
    method?: "post" | "put";
    path: string;
    summary: string;
    description: string;
    body?: S;
    run: (ctx: BuyerStepContext<S extends z.ZodType ? z.infer<S> : undefined>) => Promise<R>;
    /** The step's live events, given what `run` returned (its transaction has committed). */
    publish?: (result: R) => Promise<void>;
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
      const result = await spec.run({ actor, request, body: (input as { body?: unknown }).body as never, ip: req.ip });
      const { publish } = spec;
      if (publish) afterCommit(res, `${method.toUpperCase()} ${spec.path}`, () => publish(result));
      const { request: after } = await loadAsBuyer(db, req, input.params.id);
      res.json({ data: await buildRequestView(db, after, { kind: "commissioner" }) });
    },
  });
}
