import { bigint, boolean, date, doublePrecision, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ChildProfileStatus, ChildRecommendation, ChildRequirements, ChildRisk } from "@shared/schemas/children";
import { settings } from "./directory";
import { users } from "./identity";
import { organisations } from "./organisations";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const childProfiles = pgTable("child_profiles", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  reference: text("reference").notNull(),
  birthMonth: text("birth_month"),
  sex: text("sex").$type<"female" | "male">(),
  homeOutcode: text("home_outcode"),
  schoolYear: smallint("school_year"),
  primaryNeed: text("primary_need"),
  secondaryNeeds: text("secondary_needs").array().notNull().default([]),
  ehcPlanStatus: text("ehc_plan_status"),
  sectionB: text("section_b").notNull().default(""),
  sectionE: text("section_e").notNull().default(""),
  sectionF: text("section_f").notNull().default(""),
  staffingRatio: text("staffing_ratio"),
  therapies: text("therapies").array().notNull().default([]),
  lotNumber: smallint("lot_number"),
  priceBand: text("price_band"),
  neededBy: date("needed_by"),
  preferredSettingId: uuid("preferred_setting_id").references(() => settings.id),
  maxTravelKm: doublePrecision("max_travel_km"),
  siblingCount: smallint("sibling_count"),
  preferredLocation: text("preferred_location"),
  requirements: jsonb("requirements").$type<ChildRequirements>().notNull(),
  recommendation: jsonb("recommendation").$type<ChildRecommendation>().notNull(),
  risks: jsonb("risks").$type<ChildRisk[]>().notNull().default([]),
  riskOther: text("risk_other"),
  riskToOthersOther: text("risk_to_others_other"),
  pdsChildId: bigint("pds_child_id", { mode: "number" }),
  referralDate: date("referral_date"),
  synthetic: boolean("synthetic").notNull().default(false),
  status: text("status").$type<ChildProfileStatus>().notNull().default("complete"),
  /** Question paths still to answer (a draft's); empty once complete. */
  unanswered: text("unanswered").array().notNull().default([]),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type ChildProfileRow = typeof childProfiles.$inferSelect;

export const childShortlists = pgTable(
  "child_shortlists",
  {
    childId: uuid("child_id")
      .notNull()
      .references(() => childProfiles.id, { onDelete: "cascade" }),
    settingId: uuid("setting_id")
      .notNull()
      .references(() => settings.id),
    addedBy: uuid("added_by").references(() => users.id),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.childId, t.settingId] })],
);
