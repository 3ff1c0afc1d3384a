import { Router } from "express";
import { AwardSchema, AwardWithdrawSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { buyerStep } from "./buyer-step";
import { confirmAward } from "./commands/award";
import { intendToAward, withdrawIntention } from "./commands/intention";

/**
 * The award, in two steps with a standstill between them: the intention to award (every provider
 * that offered is told, with its own scores), then, once the request's standstill period has
 * ended, the confirmation that creates the placement. The intention may be withdrawn meanwhile.
 */
export function awardRoutes({ db }: { db: Db }): Router {
  const router = Router();
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/award",
    summary:
      "Intention to award one offer, with reasons: every provider that offered is told, with its own scores; confirmed after the request's standstill period (at once with 0 days, creating the placement)",
    description: "Intention to award recorded (awarded at once with a standstill of 0 days)",
    body: AwardSchema,
    run: ({ actor, request, body, ip }) => intendToAward({ db, actor, request, offerId: body.offerId, reasons: body.reasons, ip }),
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/award/confirm",
    summary:
      "Confirm the intention to award once the standstill period has ended: creates the placement (an Individual Placement Agreement); every provider is told",
    description: "Awarded",
    run: ({ actor, request, ip }) => confirmAward({ db, actor, request, ip }),
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/award/withdraw",
    summary: "Withdraw the intention to award, with a reason every provider that offered reads: the request goes back to evaluated",
    description: "Withdrawn",
    body: AwardWithdrawSchema,
    run: ({ actor, request, body, ip }) => withdrawIntention({ db, actor, request, reason: body.reason, ip }),
  });
  return router;
}
