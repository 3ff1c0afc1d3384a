import type { Db } from "../../server/src/db/client";
import type { PlacementRequestRow } from "../../server/src/db/schema";
import type { Actor } from "../../server/src/modules/identity/actor";
import { declareConflict, saveScores } from "../../server/src/modules/placement-requests/commands/evaluate";
import { saveModeration, startModeration } from "../../server/src/modules/placement-requests/commands/moderate";

/** Every offer against every criterion of the request, with one score and a reason naming it. */
export const scoreGrid = (request: Pick<PlacementRequestRow, "criteria">, offerIds: string[], score: (offerId: string, criterionId: string) => number) =>
  offerIds.flatMap((offerId) =>
    request.criteria.map((c) => ({ offerId, criterionId: c.id, score: score(offerId, c.id), reason: `Reason for ${c.label}: score ${score(offerId, c.id)}.` })),
  );

/**
 * One evaluator takes a closed request to the point of completion through the real commands:
 * declares no conflict, scores every offer with reasons, starts moderation and agrees the same
 * scores. What the council's "Complete evaluation" then works from.
 */
export async function evaluateAlone(
  db: Db,
  evaluator: Actor,
  request: PlacementRequestRow,
  offerIds: string[],
  score: (offerId: string, criterionId: string) => number,
) {
  const scores = scoreGrid(request, offerIds, score);
  await declareConflict({ db, actor: evaluator, request, input: { conflict: "none" } });
  await saveScores({ db, actor: evaluator, request, scores });
  await startModeration({ db, actor: evaluator, request });
  await saveModeration({ db, actor: evaluator, request, scores, note: undefined });
}
