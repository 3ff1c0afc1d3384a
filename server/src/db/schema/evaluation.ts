import { boolean, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import { offers, placementRequests } from "./placement-requests";

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Each evaluator's conflict-of-interest declaration, made before they score (0026_evaluation.sql). */
export const evaluationDeclarations = pgTable(
  "evaluation_declarations",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    conflict: boolean("conflict").notNull(),
    details: text("details"),
    declaredAt: at("declared_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] })],
);
export type EvaluationDeclarationRow = typeof evaluationDeclarations.$inferSelect;

/** One evaluator's own score and reason for one offer and criterion (a draft until moderation starts). */
export const evaluatorScores = pgTable(
  "evaluator_scores",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    criterionId: text("criterion_id").notNull(),
    score: smallint("score"),
    reason: text("reason"),
    savedAt: at("saved_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.offerId, t.criterionId] })],
);
export type EvaluatorScoreRow = typeof evaluatorScores.$inferSelect;

/** Who moderates a request's evaluation, since when, and the note on what was agreed. */
export const evaluationModerations = pgTable("evaluation_moderations", {
  requestId: uuid("request_id")
    .primaryKey()
    .references(() => placementRequests.id, { onDelete: "cascade" }),
  moderatorId: uuid("moderator_id")
    .notNull()
    .references(() => users.id),
  startedAt: at("started_at").notNull().defaultNow(),
  note: text("note"),
  savedAt: at("saved_at"),
});
export type EvaluationModerationRow = typeof evaluationModerations.$inferSelect;
