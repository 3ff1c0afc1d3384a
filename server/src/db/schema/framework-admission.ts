import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AdmissionStatus } from "@shared/codes/directory";
import type { PriceBand } from "@shared/codes/price-bands";
import { frameworks, lots } from "./frameworks";
import { users } from "./identity";
import { organisations } from "./organisations";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const termsVersions = pgTable("terms_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  frameworkId: uuid("framework_id")
    .notNull()
    .references(() => frameworks.id),
  version: text("version").notNull(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  publishedAt: at("published_at").notNull().defaultNow(),
});

export const admissionRounds = pgTable("admission_rounds", {
  id: uuid("id").primaryKey().defaultRandom(),
  frameworkId: uuid("framework_id")
    .notNull()
    .references(() => frameworks.id),
  name: text("name").notNull(),
  opensAt: at("opens_at").notNull(),
  closesAt: at("closes_at").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const providerApplications = pgTable("provider_applications", {
  id: uuid("id").primaryKey().defaultRandom(),
  frameworkId: uuid("framework_id")
    .notNull()
    .references(() => frameworks.id),
  roundId: uuid("round_id")
    .notNull()
    .references(() => admissionRounds.id),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  companiesHouseNumber: text("companies_house_number").notNull(),
  contactName: text("contact_name").notNull(),
  contactEmail: text("contact_email").notNull(),
  contactPhone: text("contact_phone").notNull(),
  settingsOffered: text("settings_offered").notNull(),
  termsVersionId: uuid("terms_version_id")
    .notNull()
    .references(() => termsVersions.id),
  submittedBy: uuid("submitted_by").references(() => users.id),
  submittedAt: at("submitted_at").notNull().defaultNow(),
});

/** A provider's standing on one lot (one row per lot and provider); search joins status 'admitted'. */
export const lotAdmissions = pgTable("lot_admissions", {
  id: uuid("id").primaryKey().defaultRandom(),
  frameworkId: uuid("framework_id")
    .notNull()
    .references(() => frameworks.id),
  lotId: uuid("lot_id")
    .notNull()
    .references(() => lots.id),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  applicationId: uuid("application_id")
    .notNull()
    .references(() => providerApplications.id),
  status: text("status").$type<AdmissionStatus>().notNull().default("applied"),
  reason: text("reason"),
  decidedBy: uuid("decided_by").references(() => users.id),
  decidedAt: at("decided_at"),
});

export const providerBandPrices = pgTable("provider_band_prices", {
  id: uuid("id").primaryKey().defaultRandom(),
  lotId: uuid("lot_id")
    .notNull()
    .references(() => lots.id),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  band: text("band").$type<PriceBand>().notNull(),
  /** Weekly price in integer pence (GBP), at or below the band's ceiling when set. */
  weeklyPricePence: integer("weekly_price_pence").notNull(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
