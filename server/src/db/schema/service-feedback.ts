import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const serviceFeedback = pgTable("service_feedback", {
  id: uuid("id").primaryKey().defaultRandom(),
  rating: text("rating").notNull(),
  comments: text("comments"),
  page: text("page"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
