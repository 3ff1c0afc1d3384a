import { sql } from "drizzle-orm";
import { boolean, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { DeclineReason, InvitationStatus, PlacementEndReason, RequestMode, RequestState } from "@shared/codes/tenders";
import { childProfiles } from "./children";
import { settings } from "./directory";
import { users } from "./identity";
import { organisations } from "./organisations";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const placementRequests = pgTable("placement_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  childId: uuid("child_id")
    .notNull()
    .references(() => childProfiles.id),
  lotNumber: smallint("lot_number").notNull(),
  priceBand: text("price_band"),
  bandCeilingPence: integer("band_ceiling_pence"),
  mode: text("mode").$type<RequestMode>().notNull().default("sealed"),
  state: text("state").$type<RequestState>().notNull().default("draft"),
  deadline: at("deadline").notNull(),
  qualityWeight: smallint("quality_weight").notNull(),
  priceWeight: smallint("price_weight").notNull(),
  criteria: jsonb("criteria").$type<{ id: string; label: string }[]>().notNull(),
  priceRoundClosesAt: at("price_round_closes_at"),
  /** Null: the default cut-off (shared/src/tenders/questions-cut-off.ts). */
  questionsCloseAt: at("questions_close_at"),
  openedAt: at("opened_at"),
  closedAt: at("closed_at"),
  offersOpenedAt: at("offers_opened_at"),
  evaluatedAt: at("evaluated_at"),
  awardedAt: at("awarded_at"),
  cancelledAt: at("cancelled_at"),
  cancelReason: text("cancel_reason"),
  /** Calendar days between the intention to award and its confirmation (0 to 30; 0 needs a reason). */
  standstillDays: smallint("standstill_days").notNull().default(8),
  standstillReason: text("standstill_reason"),
  /** The last withdrawn intention to award: when, why (its providers read it) and who (the council reads it). */
  intentionWithdrawnAt: at("intention_withdrawn_at"),
  intentionWithdrawnReason: text("intention_withdrawn_reason"),
  intentionWithdrawnBy: uuid("intention_withdrawn_by").references(() => users.id),
  synthetic: boolean("synthetic").notNull().default(false),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type PlacementRequestRow = typeof placementRequests.$inferSelect;

export const requestInvitations = pgTable(
  "request_invitations",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    settingId: uuid("setting_id")
      .notNull()
      .references(() => settings.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status").$type<InvitationStatus>().notNull().default("invited"),
    invitedAt: at("invited_at").notNull().defaultNow(),
    viewedAt: at("viewed_at"),
    declinedAt: at("declined_at"),
    declineReason: text("decline_reason").$type<DeclineReason>(),
    declineNote: text("decline_note"),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.settingId] })],
);
export type InvitationRow = typeof requestInvitations.$inferSelect;

export const offers = pgTable("offers", {
  id: uuid("id").primaryKey().defaultRandom(),
  requestId: uuid("request_id")
    .notNull()
    .references(() => placementRequests.id, { onDelete: "cascade" }),
  settingId: uuid("setting_id")
    .notNull()
    .references(() => settings.id),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  status: text("status").$type<"active" | "withdrawn">().notNull().default("active"),
  currentVersion: integer("current_version").notNull().default(1),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type OfferRow = typeof offers.$inferSelect;

export const offerVersions = pgTable(
  "offer_versions",
  {
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    corePence: integer("core_pence").notNull(),
    staffingPence: integer("staffing_pence").notNull(),
    therapiesPence: integer("therapies_pence").notNull(),
    otherPence: integer("other_pence").notNull(),
    weeklyFeePence: integer("weekly_fee_pence").generatedAlwaysAs(sql`core_pence + staffing_pence + therapies_pence + other_pence`),
    startDate: date("start_date").notNull(),
    criteriaResponses: jsonb("criteria_responses").$type<Record<string, string>>().notNull(),
    notes: text("notes").notNull().default(""),
    justification: text("justification"),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedAt: at("submitted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.version] })],
);
export type OfferVersionRow = typeof offerVersions.$inferSelect;

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    status: smallint("status").notNull(),
    body: jsonb("body").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const clarifications = pgTable("clarifications", {
  id: uuid("id").primaryKey().defaultRandom(),
  requestId: uuid("request_id")
    .notNull()
    .references(() => placementRequests.id, { onDelete: "cascade" }),
  askedByOrganisationId: uuid("asked_by_organisation_id").references(() => organisations.id),
  askedBy: uuid("asked_by").references(() => users.id),
  question: text("question").notNull(),
  askedAt: at("asked_at").notNull().defaultNow(),
  answer: text("answer"),
  visibility: text("visibility").$type<"all" | "private">(),
  answeredBy: uuid("answered_by").references(() => users.id),
  answeredAt: at("answered_at"),
});
export type ClarificationRow = typeof clarifications.$inferSelect;

/** What one amendment changed: each field from and to (criteria by id), and any note to providers. */
export interface AmendmentChanges {
  deadline?: { from: string; to: string };
  questionsCloseAt?: { from: string; to: string };
  criteria?: { id: string; from: string; to: string }[];
  note?: string;
}

export const requestAmendments = pgTable(
  "request_amendments",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    changes: jsonb("changes").$type<AmendmentChanges>().notNull(),
    reason: text("reason").notNull(),
    amendedBy: uuid("amended_by").references(() => users.id),
    amendedAt: at("amended_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.number] })],
);
export type AmendmentRow = typeof requestAmendments.$inferSelect;

export const offerScores = pgTable(
  "offer_scores",
  {
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    criterionId: text("criterion_id").notNull(),
    /** The agreed score: null while a moderation draft has only its reason. */
    score: smallint("score"),
    /** The agreed score's reason, shown to the offer's provider with the outcome. */
    reason: text("reason"),
    scoredBy: uuid("scored_by").references(() => users.id),
    scoredAt: at("scored_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.criterionId] })],
);

export const awards = pgTable("awards", {
  requestId: uuid("request_id")
    .primaryKey()
    .references(() => placementRequests.id),
  offerId: uuid("offer_id")
    .notNull()
    .references(() => offers.id),
  offerVersion: integer("offer_version").notNull(),
  reasons: text("reasons").notNull(),
  awardedBy: uuid("awarded_by").references(() => users.id),
  /** When the intention to award was recorded. */
  awardedAt: at("awarded_at").notNull().defaultNow(),
  /** The end of the standstill: the award may be confirmed from then on. */
  standstillEndsAt: at("standstill_ends_at").notNull(),
  confirmedAt: at("confirmed_at"),
  confirmedBy: uuid("confirmed_by").references(() => users.id),
});
export type AwardRow = typeof awards.$inferSelect;

export const placements = pgTable("placements", {
  id: uuid("id").primaryKey().defaultRandom(),
  requestId: uuid("request_id").references(() => placementRequests.id),
  childId: uuid("child_id")
    .notNull()
    .references(() => childProfiles.id),
  councilId: uuid("council_id")
    .notNull()
    .references(() => organisations.id),
  settingId: uuid("setting_id")
    .notNull()
    .references(() => settings.id),
  providerId: uuid("provider_id")
    .notNull()
    .references(() => organisations.id),
  weeklyFeePence: integer("weekly_fee_pence").notNull(),
  startDate: date("start_date").notNull(),
  reviewDates: date("review_dates").array().notNull().default([]),
  endDate: date("end_date"),
  endReason: text("end_reason").$type<PlacementEndReason>(),
  breakdown: boolean("breakdown").notNull().default(false),
  synthetic: boolean("synthetic").notNull().default(false),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type PlacementRow = typeof placements.$inferSelect;
