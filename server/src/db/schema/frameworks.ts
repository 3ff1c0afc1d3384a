import { date, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PriceBand } from "@shared/codes/price-bands";
import { regions } from "./regions";

export const frameworks = pgTable("frameworks", {
  id: uuid("id").primaryKey().defaultRandom(),
  regionId: uuid("region_id")
    .notNull()
    .references(() => regions.id),
  name: text("name").notNull(),
  termStart: date("term_start").notNull(),
  termEnd: date("term_end").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const lots = pgTable("lots", {
  id: uuid("id").primaryKey().defaultRandom(),
  frameworkId: uuid("framework_id")
    .notNull()
    .references(() => frameworks.id),
  number: integer("number").notNull(),
  name: text("name").notNull(),
});

export const priceBands = pgTable("price_bands", {
  id: uuid("id").primaryKey().defaultRandom(),
  lotId: uuid("lot_id")
    .notNull()
    .references(() => lots.id),
  band: text("band").$type<PriceBand>().notNull(),
  description: text("description").notNull(),
  /** Weekly ceiling in integer pence (GBP); money is never a float. */
  weeklyCeilingPence: integer("weekly_ceiling_pence").notNull(),
});
