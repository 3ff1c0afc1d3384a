import { bigint, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Live events queued with the change they tell of (migration 0034, realtime/live-outbox.ts).
export const liveOutbox = pgTable("live_outbox", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  topic: text("topic").notNull(),
  args: jsonb("args").$type<Record<string, unknown>>().notNull(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  sweeps: integer("sweeps").notNull().default(0),
});
export type LiveOutboxRow = typeof liveOutbox.$inferSelect;
