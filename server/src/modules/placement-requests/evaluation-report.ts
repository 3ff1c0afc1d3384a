import { eq, inArray, sql } from "drizzle-orm";
import type { EvaluationState, RequestView, ScoreCell } from "@shared/schemas/placement-requests";
import type { DbOrTx } from "../../db/client";
import { evaluatorScores, type PlacementRequestRow, users } from "../../db/schema";
import { csvCell } from "../../lib/csv";
import type { Actor } from "../identity/actor";
import { evaluationRecords } from "./commands/evaluators";
import { agreedScores } from "./commands/moderate";
import { evaluatesFreely, evaluatorScoresOpen, isModerator, seesEvaluatorScores } from "./policy";

const cellOf = (row: { offerId: string; criterionId: string; score: number | null; reason: string | null }): ScoreCell => ({
  offerId: row.offerId,
  criterionId: row.criterionId,
  score: row.score,
  reason: row.reason,
});

/**
 * A request's evaluation as one of its council's commissioners sees it: every declaration, their
 * own scores, everyone's once moderation has started, and the moderation. The caller has
 * checked that the actor is the buyer (loadAsBuyer).
 */
export async function buildEvaluationState(db: DbOrTx, actor: Actor, request: PlacementRequestRow): Promise<EvaluationState> {
  const { declarations, moderation } = await evaluationRecords(db, request.id);
  const people = [...new Set([...declarations.map((d) => d.userId), ...(moderation ? [moderation.moderatorId] : [])])];
  const names = people.length
    ? await db
        .select({ id: users.id, name: sql<string>`coalesce(${users.displayName}, ${users.email})` })
        .from(users)
        .where(inArray(users.id, people))
    : [];
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? "A former member";
  const scoreRows = await db.select().from(evaluatorScores).where(eq(evaluatorScores.requestId, request.id));
  const mine = declarations.find((d) => d.userId === actor.userId);
  const open = evaluatorScoresOpen(request, moderation);
  return {
    requestId: request.id,
    you: {
      userId: actor.userId,
      declared: mine !== undefined,
      mayScore: open && evaluatesFreely(mine),
      mayStartModeration: open && evaluatesFreely(mine),
      mayModerate: isModerator(actor, moderation) && request.evaluatedAt === null,
    },
    evaluators: declarations
      .sort((a, b) => a.declaredAt.getTime() - b.declaredAt.getTime())
      .map((d) => {
        const own = scoreRows.filter((s) => s.userId === d.userId);
        const saved = own.map((s) => s.savedAt.getTime());
        return {
          userId: d.userId,
          name: nameOf(d.userId),
          conflict: d.conflict,
          details: d.details,
          declaredAt: d.declaredAt.toISOString(),
          scores: seesEvaluatorScores(actor, d.userId, moderation) ? own.map(cellOf) : null,
          lastSavedAt: saved.length ? new Date(Math.max(...saved)).toISOString() : null,
        };
      }),
    moderation: moderation
      ? {
          moderatorId: moderation.moderatorId,
          moderatorName: nameOf(moderation.moderatorId),
          startedAt: moderation.startedAt.toISOString(),
          note: moderation.note,
          savedAt: moderation.savedAt?.toISOString() ?? null,
          agreed: (await agreedScores(db, request.id)).map(cellOf),
        }
      : null,
    completedAt: request.evaluatedAt?.toISOString() ?? null,
  };
}

/** A value as a CSV field: a missing one (not scored, no note yet) is an empty cell. */
const field = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/**
 * The evaluation report as CSV for sign-off: a row per offer and criterion with every
 * evaluator's score and reason and the agreed ones; a row per offer with its fee, quality and
 * price scores, total and rank; the declarations; the moderation; who completed it and when.
 */
export function evaluationReportCsv(state: EvaluationState, view: RequestView): string {
  const lines: string[][] = [];
  const scorers = state.evaluators.filter((e) => !e.conflict);
  const offerName = (offerId: string) => {
    const offer = view.offers.find((o) => o.id === offerId);
    return offer ? `${offer.settingName} (${offer.organisationName})` : offerId;
  };
  const active = view.offers.filter((o) => o.status === "active");
  lines.push(["Scores"]);
  lines.push(["Offer", "Criterion", ...scorers.flatMap((e) => [`${e.name}: score`, `${e.name}: reason`]), "Agreed score", "Agreed reason"]);
  for (const offer of active)
    for (const criterion of view.request.criteria) {
      const find = (cells: ScoreCell[] | null | undefined) => cells?.find((c) => c.offerId === offer.id && c.criterionId === criterion.id);
      const agreed = find(state.moderation?.agreed);
      lines.push([
        offerName(offer.id),
        criterion.label,
        ...scorers.flatMap((e) => [field(find(e.scores)?.score), field(find(e.scores)?.reason)]),
        field(agreed?.score),
        field(agreed?.reason),
      ]);
    }
  lines.push([]);
  lines.push(["Totals and ranks"]);
  lines.push(["Offer", "Weekly fee (£)", "Quality score", "Price score", "Total", "Rank"]);
  for (const row of view.evaluation)
    lines.push([
      offerName(row.offerId),
      (row.weeklyFeePence / 100).toFixed(2),
      field(row.qualityScore),
      field(row.priceScore),
      field(row.total),
      field(row.rank),
    ]);
  lines.push([]);
  lines.push(["Declarations of interest"]);
  lines.push(["Evaluator", "Conflict of interest", "Details", "Declared at"]);
  for (const e of state.evaluators) lines.push([e.name, e.conflict ? "Yes" : "No", field(e.details), e.declaredAt]);
  lines.push([]);
  lines.push(["Moderation"]);
  lines.push(["Moderator", "Started at", "Note", "Completed at"]);
  if (state.moderation) lines.push([state.moderation.moderatorName, state.moderation.startedAt, field(state.moderation.note), field(state.completedAt)]);
  return lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
