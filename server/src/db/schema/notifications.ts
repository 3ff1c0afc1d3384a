import { integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { NotificationDelivery, NotificationKind, OutboxStatus, ReminderBefore } from "@shared/codes/notifications";
import { settings } from "./directory";
import { users } from "./identity";
import { placementRequests } from "./placement-requests";

// Notifications (migration 0024, docs/domain/notifications.md).

const at = (name: string) => timestamp(name, { withTimezone: true });

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").$type<NotificationKind>().notNull(),
    about: text("about").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    readAt: at("read_at"),
    publishedAt: at("published_at"),
  },
  (t) => [unique().on(t.userId, t.about)],
);
export type NotificationRow = typeof notifications.$inferSelect;

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    delivery: text("delivery").$type<NotificationDelivery>().notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const emailOutbox = pgTable("email_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  notificationId: uuid("notification_id").references(() => notifications.id),
  userId: uuid("user_id").references(() => users.id),
  emailAddress: text("email_address").notNull(),
  template: text("template").notNull(),
  personalisation: jsonb("personalisation").$type<Record<string, string>>().notNull(),
  reference: text("reference").notNull().unique(),
  status: text("status").$type<OutboxStatus>().notNull().default("pending"),
  dueAt: at("due_at").notNull().defaultNow(),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
  lastError: text("last_error"),
  notifyId: text("notify_id"),
  sentAt: at("sent_at"),
  createdAt: at("created_at").notNull().defaultNow(),
});
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;

export const deadlineReminders = pgTable(
  "deadline_reminders",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id),
    settingId: uuid("setting_id")
      .notNull()
      .references(() => settings.id),
    /** The deadline it reminded of (migration 0030): an extended deadline is reminded of again. */
    deadline: at("deadline").notNull(),
    before: text("before").$type<ReminderBefore>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.settingId, t.deadline, t.before] })],
);
