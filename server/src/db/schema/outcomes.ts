import { date, jsonb, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { IncidentCounts, OutcomeScore, ProviderViewDecision, ReviewKind, ReviewRisk, ReviewStability, ReviewStatus } from "@shared/codes/outcomes";
import { childProfiles } from "./children";
import { users } from "./identity";
import { organisations } from "./organisations";
import { placements } from "./placement-requests";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const childOutcomes = pgTable("child_outcomes", {
  id: uuid("id").primaryKey().defaultRandom(),
  childId: uuid("child_id")
    .notNull()
    .references(() => childProfiles.id, { onDelete: "cascade" }),
  position: smallint("position").notNull(),
  statement: text("statement").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  retiredAt: at("retired_at"),
});
export type ChildOutcomeRow = typeof childOutcomes.$inferSelect;

export const outcomeReviews = pgTable("outcome_reviews", {
  id: uuid("id").primaryKey().defaultRandom(),
  placementId: uuid("placement_id")
    .notNull()
    .references(() => placements.id),
  councilId: uuid("council_id")
    .notNull()
    .references(() => organisations.id),
  kind: text("kind").$type<ReviewKind>().notNull(),
  status: text("status").$type<ReviewStatus>().notNull().default("draft"),
  reviewDate: date("review_date").notNull(),
  scores: jsonb("scores").$type<OutcomeScore[]>().notNull().default([]),
  attendancePercent: smallint("attendance_percent"),
  incidents: jsonb("incidents").$type<Partial<IncidentCounts>>().notNull().default({}),
  risks: jsonb("risks").$type<ReviewRisk[]>().notNull().default([]),
  stability: text("stability").$type<ReviewStability>(),
  childView: smallint("child_view"),
  familyView: smallint("family_view"),
  notes: text("notes").notNull().default(""),
  createdBy: uuid("created_by").references(() => users.id),
  submittedBy: uuid("submitted_by").references(() => users.id),
  submittedAt: at("submitted_at"),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type OutcomeReviewRow = typeof outcomeReviews.$inferSelect;

export const providerReviewViews = pgTable("provider_review_views", {
  reviewId: uuid("review_id")
    .primaryKey()
    .references(() => outcomeReviews.id),
  providerId: uuid("provider_id")
    .notNull()
    .references(() => organisations.id),
  scores: jsonb("scores").$type<OutcomeScore[]>().notNull().default([]),
  attendancePercent: smallint("attendance_percent"),
  incidents: jsonb("incidents").$type<Partial<IncidentCounts>>().notNull().default({}),
  risks: jsonb("risks").$type<ReviewRisk[]>().notNull().default([]),
  stability: text("stability").$type<ReviewStability>(),
  notes: text("notes").notNull().default(""),
  submittedBy: uuid("submitted_by").references(() => users.id),
  submittedAt: at("submitted_at").notNull().defaultNow(),
  decision: text("decision").$type<ProviderViewDecision>(),
  annotation: text("annotation"),
  decidedBy: uuid("decided_by").references(() => users.id),
  decidedAt: at("decided_at"),
});
export type ProviderReviewViewRow = typeof providerReviewViews.$inferSelect;
