import { date, doublePrecision, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { NeedSupportLevel, ResidentialType, SettingStatus, SexAdmitted } from "@shared/codes/directory";
import { users } from "./identity";
import { organisations } from "./organisations";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const outcodes = pgTable("outcodes", {
  outcode: text("outcode").primaryKey(),
  latitude: doublePrecision("latitude").notNull(),
  longitude: doublePrecision("longitude").notNull(),
});

export const settings = pgTable("settings", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  urn: text("urn").notNull(),
  name: text("name").notNull(),
  establishmentTypeCode: text("establishment_type_code"),
  establishmentTypeName: text("establishment_type_name"),
  lotNumbers: integer("lot_numbers").array().notNull().default([]),
  ageLow: integer("age_low").notNull(),
  ageHigh: integer("age_high").notNull(),
  sexAdmitted: text("sex_admitted").$type<SexAdmitted>().notNull(),
  residentialTypes: text("residential_types").array().$type<ResidentialType[]>().notNull().default([]),
  registeredCapacity: integer("registered_capacity").notNull().default(0),
  vacancies: integer("vacancies").notNull().default(0),
  vacanciesConfirmedAt: at("vacancies_confirmed_at"),
  needs: jsonb("needs").$type<{ code: string; level: NeedSupportLevel }[]>().notNull().default([]),
  needCodes: text("need_codes").array().notNull().default([]),
  risksManaged: text("risks_managed").array().notNull().default([]),
  therapies: text("therapies").array().notNull().default([]),
  staffingRatios: text("staffing_ratios").array().notNull().default([]),
  ofstedGrade: smallint("ofsted_grade"),
  ofstedInspectionDate: date("ofsted_inspection_date"),
  addressLine1: text("address_line1").notNull().default(""),
  addressLine2: text("address_line2"),
  town: text("town").notNull().default(""),
  postcode: text("postcode").notNull().default(""),
  outcode: text("outcode"),
  latitude: doublePrecision("latitude"),
  longitude: doublePrecision("longitude"),
  description: text("description").notNull().default(""),
  status: text("status").$type<SettingStatus>().notNull().default("draft"),
  statusReason: text("status_reason"),
  /** The local authority the setting stands in (GIAS "LA (code)"); null when not known. */
  laCode: text("la_code"),
  source: text("source").$type<"provider" | "gias">().notNull().default("provider"),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const settingClaims = pgTable("setting_claims", {
  id: uuid("id").primaryKey().defaultRandom(),
  settingId: uuid("setting_id")
    .notNull()
    .references(() => settings.id),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  requestedBy: uuid("requested_by").references(() => users.id),
  status: text("status").$type<"pending" | "approved" | "rejected">().notNull().default("pending"),
  reason: text("reason"),
  decidedBy: uuid("decided_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
  decidedAt: at("decided_at"),
});
