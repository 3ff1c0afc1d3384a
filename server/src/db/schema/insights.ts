import { boolean, date, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { HighRiskRules } from "@shared/insights/high-risk";
import { users } from "./identity";
import { regions } from "./regions";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const highRiskDefinitions = pgTable("high_risk_definitions", {
  regionId: uuid("region_id")
    .primaryKey()
    .references(() => regions.id),
  rules: jsonb("rules").$type<HighRiskRules>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** One row per placement, recomputed from its sources whenever they change; see insights/facts. No foreign keys: see 0022. */
export const placementFacts = pgTable("placement_facts", {
  placementId: uuid("placement_id").primaryKey(),
  regionId: uuid("region_id").notNull(),
  councilId: uuid("council_id").notNull(),
  lot: smallint("lot").notNull(),
  mode: text("mode"),
  awardDate: date("award_date").notNull(),
  startDate: date("start_date").notNull(),
  endDate: date("end_date"),
  breakdown: boolean("breakdown").notNull(),
  weeklyFeePence: integer("weekly_fee_pence").notNull(),
  presentRisks: text("present_risks").array().notNull(),
  highRiskRules: text("high_risk_rules").array().notNull(),
  ofstedGrade: smallint("ofsted_grade"),
  distanceKm: real("distance_km"),
  inArea: boolean("in_area"),
  risksManaged: boolean("risks_managed"),
  daysToAward: integer("days_to_award"),
  daysNeededToStart: integer("days_needed_to_start"),
  offersCount: integer("offers_count"),
  outcomeChange: real("outcome_change"),
  incidentsPer4Weeks: real("incidents_per_4_weeks"),
  reviewsCount: integer("reviews_count").notNull().default(0),
  synthetic: boolean("synthetic").notNull().default(false),
  refreshedAt: at("refreshed_at").notNull().defaultNow(),
});
export type PlacementFactRow = typeof placementFacts.$inferSelect;

/** One row per request that left the draft state. */
export const requestFacts = pgTable("request_facts", {
  requestId: uuid("request_id").primaryKey(),
  regionId: uuid("region_id").notNull(),
  councilId: uuid("council_id").notNull(),
  lot: smallint("lot").notNull(),
  mode: text("mode").notNull(),
  periodDate: date("period_date").notNull(),
  state: text("state").notNull(),
  offersCount: integer("offers_count").notNull(),
  daysToAward: integer("days_to_award"),
  synthetic: boolean("synthetic").notNull().default(false),
  refreshedAt: at("refreshed_at").notNull().defaultNow(),
});
export type RequestFactRow = typeof requestFacts.$inferSelect;

export const insightsDirty = pgTable(
  "insights_dirty",
  {
    kind: text("kind").$type<"placement" | "request">().notNull(),
    id: uuid("id").notNull(),
    markedAt: at("marked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

export const insightsPublications = pgTable("insights_publications", {
  regionId: uuid("region_id")
    .primaryKey()
    .references(() => regions.id),
  periodFrom: date("period_from").notNull(),
  periodTo: date("period_to").notNull(),
  publishedBy: uuid("published_by").references(() => users.id),
  publishedAt: at("published_at").notNull().defaultNow(),
});
