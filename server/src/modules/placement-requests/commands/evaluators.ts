import { and, eq } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import type { ScoreEntryInput } from "@shared/schemas/placement-requests";
import type { DbOrTx } from "../../../db/client";
import { evaluationDeclarations, evaluationModerations, offers, type PlacementRequestRow, placementRequests, settings } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import type { Actor } from "../../identity/actor";
import { evaluatesFreely, evaluatorScoresOpen } from "../policy";

/** The evaluation's records of a request: every declaration and the moderation, if started. */
export async function evaluationRecords(db: DbOrTx, requestId: string) {
  const declarations = await db.select().from(evaluationDeclarations).where(eq(evaluationDeclarations.requestId, requestId));
  const [moderation] = await db.select().from(evaluationModerations).where(eq(evaluationModerations.requestId, requestId));
  return { declarations, moderation };
}

/**
 * Locks the request (moderation's start, an evaluator's save and the completion take the same
 * lock, so none interleaves) and reads its evaluation records under the lock.
 */
export async function lockEvaluation(tx: DbOrTx, request: PlacementRequestRow) {
  const [locked] = await tx.select().from(placementRequests).where(eq(placementRequests.id, request.id)).for("update");
  return { request: locked ?? request, ...(await evaluationRecords(tx, request.id)) };
}

/** 409 unless the actor declared no conflict of interest on this request. */
export function requireFreeEvaluator(actor: Actor, declarations: { userId: string; conflict: boolean }[]) {
  const declaration = declarations.find((d) => d.userId === actor.userId);
  if (declaration === undefined)
    throw conflict("Declare whether you have a conflict of interest before you score the offers.", DomainErrorCode.DeclarationNeeded);
  if (!evaluatesFreely(declaration))
    throw conflict("You declared a conflict of interest on this request, so you cannot score or moderate it.", DomainErrorCode.ConflictOfInterest);
}

/** 409 unless evaluators may still declare and score (the request closed, moderation not started). */
export function requireScoringOpen(request: PlacementRequestRow, moderation: object | undefined) {
  if (evaluatorScoresOpen(request, moderation)) return;
  if (moderation !== undefined && request.state === "closed")
    throw conflict("Moderation has started: evaluators' scores can no longer change.", DomainErrorCode.AlreadyDecided);
  throw conflict(`Offers are evaluated once the request has closed and until the evaluation is completed; it is ${request.state}.`, DomainErrorCode.WrongState);
}

/** 400 naming every score that is not for an active offer of the request or one of its criteria (a cell sent twice too). */
export async function checkScoreCells(db: DbOrTx, request: PlacementRequestRow, scores: ScoreEntryInput[]) {
  const active = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.requestId, request.id), eq(offers.status, "active")));
  const offerIds = new Set(active.map((o) => o.id));
  const criteria = new Set(request.criteria.map((c) => c.id));
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  scores.forEach((s, i) => {
    if (!offerIds.has(s.offerId)) issues.push({ path: `body.scores.${i}.offerId`, message: "No active offer on this request has that id" });
    if (!criteria.has(s.criterionId)) issues.push({ path: `body.scores.${i}.criterionId`, message: "This request has no such criterion" });
    const cell = `${s.offerId}/${s.criterionId}`;
    if (seen.has(cell)) issues.push({ path: `body.scores.${i}`, message: "This offer and criterion are scored twice: send each once" });
    seen.add(cell);
  });
  if (issues.length > 0) throw validationFailed(issues);
  return [...offerIds];
}

/**
 * What a set of scores still lacks for every active offer and criterion: a score, or a reason.
 * One issue per gap, named so a person can find it ("Oak House, Education: give a reason").
 */
export async function missingScores(
  db: DbOrTx,
  request: PlacementRequestRow,
  cells: { offerId: string; criterionId: string; score: number | null; reason: string | null }[],
  path: string,
): Promise<ValidationIssue[]> {
  const active = await db
    .select({ id: offers.id, settingName: settings.name })
    .from(offers)
    .innerJoin(settings, eq(settings.id, offers.settingId))
    .where(and(eq(offers.requestId, request.id), eq(offers.status, "active")));
  const issues: ValidationIssue[] = [];
  for (const offer of active.sort((a, b) => a.settingName.localeCompare(b.settingName))) {
    for (const criterion of request.criteria) {
      const cell = cells.find((c) => c.offerId === offer.id && c.criterionId === criterion.id);
      const where = `${path}.${offer.id}.${criterion.id}`;
      if (cell?.score === null || cell?.score === undefined)
        issues.push({ path: `${where}.score`, message: `${offer.settingName}, ${criterion.label}: choose a score from 0 to 5` });
      if (!cell?.reason) issues.push({ path: `${where}.reason`, message: `${offer.settingName}, ${criterion.label}: give the reason for the score` });
    }
  }
  return issues;
}
