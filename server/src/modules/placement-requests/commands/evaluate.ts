import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode, ErrorCode } from "@shared/errors";
import { formatDateTime } from "@shared/format-date";
import type { EvaluationDeclarationInput, ScoreEntryInput } from "@shared/schemas/placement-requests";
import type { Db } from "../../../db/client";
import { evaluationDeclarations, evaluatorScores, type PlacementRequestRow } from "../../../db/schema";
import { AppError, conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { canScore, isModerator } from "../policy";
import { databaseNow } from "../queries";
import { checkScoreCells, lockEvaluation, missingScores, requireFreeEvaluator, requireScoringOpen } from "./evaluators";
import { agreedScores } from "./moderate";
import { moveRequest } from "./move-request";

/** An evaluator declares any conflict of interest, once, before scoring (one with a conflict does not score). */
export async function declareConflict({
  db,
  actor,
  request,
  input,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  input: EvaluationDeclarationInput;
  ip?: string | undefined;
}) {
  await db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, request);
    requireScoringOpen(locked.request, locked.moderation);
    if (locked.declarations.some((d) => d.userId === actor.userId))
      throw conflict("You have already declared for this request: a declaration cannot be changed.", DomainErrorCode.AlreadyDecided);
    const conflicted = input.conflict === "yes";
    await tx
      .insert(evaluationDeclarations)
      .values({ requestId: request.id, userId: actor.userId, conflict: conflicted, details: conflicted ? input.details : null });
    await recordAudit(tx, {
      action: "evaluation.declare",
      recordType: "placement_request",
      recordId: request.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { conflict: conflicted },
    });
  });
}

/** An evaluator's own scores 0-5 with reasons, as a draft: what is sent replaces what they had saved, until moderation starts. */
export async function saveScores({
  db,
  actor,
  request,
  scores,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  scores: ScoreEntryInput[];
  ip?: string | undefined;
}) {
  await db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, request);
    requireScoringOpen(locked.request, locked.moderation);
    requireFreeEvaluator(actor, locked.declarations);
    await checkScoreCells(tx, locked.request, scores);
    await tx.delete(evaluatorScores).where(and(eq(evaluatorScores.requestId, request.id), eq(evaluatorScores.userId, actor.userId)));
    const kept = scores.filter((s) => s.score !== null || s.reason);
    if (kept.length > 0)
      await tx.insert(evaluatorScores).values(
        kept.map((s) => ({
          requestId: request.id,
          userId: actor.userId,
          offerId: s.offerId,
          criterionId: s.criterionId,
          score: s.score,
          reason: s.reason || null,
        })),
      );
    await recordAudit(tx, {
      action: "evaluation.score",
      recordType: "placement_request",
      recordId: request.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { scores: kept.filter((s) => s.score !== null).length, reasons: kept.filter((s) => s.reason).length },
    });
  });
}

/**
 * The moderator completes the evaluation: every active offer needs an agreed score and reason for
 * every criterion (409 naming each gap), and a note when more than one evaluator scored. The
 * agreed scores are what the price scores, totals and ranks are worked out from.
 */
export async function completeEvaluation({ db, actor, request, ip }: { db: Db; actor: Actor; request: PlacementRequestRow; ip?: string | undefined }) {
  return db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, request);
    if (!canScore(locked.request))
      throw conflict(`The evaluation is completed once the request has closed, and once only; it is ${locked.request.state}.`, DomainErrorCode.WrongState);
    if (!isModerator(actor, locked.moderation))
      throw conflict(
        locked.moderation
          ? "Only the evaluator moderating this evaluation can complete it."
          : "Start moderation first: the evaluation is completed from the agreed scores.",
        DomainErrorCode.NotModerator,
      );
    const agreed = await agreedScores(tx, request.id);
    const issues = await missingScores(tx, locked.request, agreed, "scores");
    const scorers = locked.declarations.filter((d) => !d.conflict).length;
    if (scorers > 1 && !locked.moderation?.note) issues.push({ path: "note", message: "Write a moderation note: say how the evaluators' scores were agreed" });
    if (issues.length > 0)
      throw new AppError(
        ErrorCode.Conflict,
        409,
        `The evaluation cannot be completed yet: ${issues.length} thing${issues.length === 1 ? " is" : "s are"} missing. ${issues.map((i) => i.message).join(". ")}.`,
        issues,
        DomainErrorCode.ScoresMissing,
      );
    return moveRequest({ tx, request: locked.request, to: "evaluated", set: { evaluatedAt: sql`clock_timestamp()` }, actor, ip });
  });
}

/** Ranked mode: a price-only round after quality scoring; providers see their own rank live. */
export async function startPriceRound({
  db,
  actor,
  request,
  closesAt,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  closesAt: string;
  ip?: string | undefined;
}) {
  if (request.mode !== "ranked") throw conflict("Only ranked requests have a price round.", DomainErrorCode.WrongMode);
  const now = await databaseNow(db);
  if (Date.parse(closesAt) <= now.getTime())
    throw validationFailed([
      { path: "body.closesAt", message: `The price round must close after the time now, ${formatDateTime(now)}: enter a later date and time` },
    ]);
  return db.transaction((tx) =>
    moveRequest({ tx, request, to: "price_round", set: { priceRoundClosesAt: new Date(closesAt) }, actor, ip, tell: ["request:state", "request:ranks"] }),
  );
}
