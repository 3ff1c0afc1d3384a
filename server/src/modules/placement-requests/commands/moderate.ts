import { and, eq, inArray, sql } from "drizzle-orm";
import { DomainErrorCode, ErrorCode } from "@shared/errors";
import type { ScoreEntryInput } from "@shared/schemas/placement-requests";
import type { Db, DbOrTx } from "../../../db/client";
import { evaluationModerations, evaluatorScores, offers, offerScores, type PlacementRequestRow, users } from "../../../db/schema";
import { AppError, conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { canScore, isModerator } from "../policy";
import { checkScoreCells, lockEvaluation, missingScores, requireFreeEvaluator, requireScoringOpen } from "./evaluators";

/** The agreed scores (a moderation draft until the evaluation is completed) of a request's offers. */
export async function agreedScores(db: DbOrTx, requestId: string) {
  const rows = await db
    .select({ offerId: offerScores.offerId, criterionId: offerScores.criterionId, score: offerScores.score, reason: offerScores.reason })
    .from(offerScores)
    .innerJoin(offers, eq(offers.id, offerScores.offerId))
    .where(eq(offers.requestId, requestId));
  return rows;
}

/**
 * An evaluator without a conflict starts moderation and becomes its moderator. Every evaluator
 * who declared no conflict must have scored every offer against every criterion with reasons
 * (409 naming each gap, by evaluator), so nobody's work is cut short; from then on evaluators'
 * scores are fixed and shown side by side.
 */
export async function startModeration({ db, actor, request, ip }: { db: Db; actor: Actor; request: PlacementRequestRow; ip?: string | undefined }) {
  await db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, request);
    requireScoringOpen(locked.request, locked.moderation);
    requireFreeEvaluator(actor, locked.declarations);
    const scorers = locked.declarations.filter((d) => !d.conflict);
    const names = await tx
      .select({ id: users.id, name: sql<string>`coalesce(${users.displayName}, ${users.email})` })
      .from(users)
      .where(
        inArray(
          users.id,
          scorers.map((d) => d.userId),
        ),
      );
    const issues = [];
    for (const scorer of scorers) {
      const cells = await tx
        .select()
        .from(evaluatorScores)
        .where(and(eq(evaluatorScores.requestId, request.id), eq(evaluatorScores.userId, scorer.userId)));
      const name = names.find((n) => n.id === scorer.userId)?.name ?? "An evaluator";
      const gaps = await missingScores(tx, locked.request, cells, `evaluators.${scorer.userId}`);
      issues.push(...gaps.map((g) => ({ ...g, message: `${name}: ${g.message}` })));
    }
    if (issues.length > 0)
      throw new AppError(
        ErrorCode.Conflict,
        409,
        `Moderation can start once every evaluator has scored every offer with reasons. Still missing: ${issues.map((i) => i.message).join("; ")}.`,
        issues,
        DomainErrorCode.ScoresMissing,
      );
    await tx.insert(evaluationModerations).values({ requestId: request.id, moderatorId: actor.userId });
    await recordAudit(tx, {
      action: "evaluation.moderation_start",
      recordType: "placement_request",
      recordId: request.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { evaluators: scorers.length, conflicts: locked.declarations.length - scorers.length },
    });
  });
}

/** The moderator saves the agreed scores and reasons (what is sent replaces what was saved) and the note. */
export async function saveModeration({
  db,
  actor,
  request,
  scores,
  note,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  scores: ScoreEntryInput[];
  note: string | undefined;
  ip?: string | undefined;
}) {
  await db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, request);
    if (!isModerator(actor, locked.moderation))
      throw conflict("Only the evaluator moderating this evaluation can record the agreed scores.", DomainErrorCode.NotModerator);
    if (!canScore(locked.request)) throw conflict("The evaluation is completed: the agreed scores can no longer change.", DomainErrorCode.WrongState);
    const offerIds = await checkScoreCells(tx, locked.request, scores);
    if (offerIds.length > 0) await tx.delete(offerScores).where(inArray(offerScores.offerId, offerIds));
    const kept = scores.filter((s) => s.score !== null || s.reason);
    if (kept.length > 0)
      await tx
        .insert(offerScores)
        .values(kept.map((s) => ({ offerId: s.offerId, criterionId: s.criterionId, score: s.score, reason: s.reason || null, scoredBy: actor.userId })));
    await tx
      .update(evaluationModerations)
      .set({ note: note || null, savedAt: sql`clock_timestamp()` })
      .where(eq(evaluationModerations.requestId, request.id));
    await recordAudit(tx, {
      action: "evaluation.moderate",
      recordType: "placement_request",
      recordId: request.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { scores: kept.filter((s) => s.score !== null).length, reasons: kept.filter((s) => s.reason).length, note: Boolean(note) },
    });
  });
}
