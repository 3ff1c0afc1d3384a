import request from "supertest";
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

/**
 * The same through the API (an app or a server's URL), as one commissioner (headers `auth`): declares no conflict, saves
 * the scores each with a reason, starts moderation, agrees them, completes the evaluation.
 * Returns the completion's answer; any earlier step that fails throws with its answer.
 */
export async function evaluateViaApi(
  app: Parameters<typeof request>[0],
  auth: Record<string, string>,
  requestId: string,
  scores: { offerId: string; criterionId: string; score: number }[],
) {
  const path = `/api/v1/placement-requests/${requestId}`;
  const withReasons = scores.map((s) => ({ ...s, reason: `Scored ${s.score} against ${s.criterionId}.` }));
  const steps = [
    () => request(app).put(`${path}/evaluation/declaration`).set(auth).send({ conflict: "none" }),
    () => request(app).put(`${path}/scores`).set(auth).send({ scores: withReasons }),
    () => request(app).post(`${path}/evaluation/moderation`).set(auth).send({}),
    () => request(app).put(`${path}/evaluation/moderation`).set(auth).send({ scores: withReasons }),
  ];
  for (const step of steps) {
    const res = await step();
    if (res.status !== 200) throw new Error(`evaluation step ${res.request.method} ${res.request.url}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return request(app).post(`${path}/evaluate`).set(auth).send({});
}
