import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import { regions } from "./regions";

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  regionId: uuid("region_id")
    .notNull()
    .references(() => regions.id),
  kind: text("kind").$type<OrganisationKind>().notNull(),
  name: text("name").notNull(),
  /** The DfE local authority code, for councils and their Parent Carer Forums. */
  laCode: text("la_code"),
  companiesHouseNumber: text("companies_house_number"),
  /** How providers reach a council about a placement (its award letter). */
  contactEmail: text("contact_email"),
  contactPhone: text("contact_phone"),
  /** The region's holder of GIAS-imported settings that no provider has claimed yet. */
  holdsUnclaimedSettings: boolean("holds_unclaimed_settings").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
