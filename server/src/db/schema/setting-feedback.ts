import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { settings } from "./directory";
import { users } from "./identity";
import { organisations } from "./organisations";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const settingFeedback = pgTable("setting_feedback", {
  id: uuid("id").primaryKey().defaultRandom(),
  settingId: uuid("setting_id")
    .notNull()
    .references(() => settings.id),
  authorUserId: uuid("author_user_id")
    .notNull()
    .references(() => users.id),
  authorOrganisationId: uuid("author_organisation_id")
    .notNull()
    .references(() => organisations.id),
  ratings: jsonb("ratings").$type<Record<string, number>>().notNull(),
  comment: text("comment").notNull(),
  status: text("status").$type<"pending" | "approved" | "rejected">().notNull().default("pending"),
  reason: text("reason"),
  moderatedBy: uuid("moderated_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
  moderatedAt: at("moderated_at"),
});
