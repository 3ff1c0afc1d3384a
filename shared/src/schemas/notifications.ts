import { z } from "zod";
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, OUTBOX_STATUSES } from "../codes/notifications";

/** Notifications (issue 15): the in-app centre and each person's preferences. */

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path of the app to open. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ data: z.array(NotificationSchema), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

/** GET /api/v1/notifications?unread=true&before=<iso> */
export const NotificationQuerySchema = z
  .object({
    unread: z.enum(["true", "false"], { error: "Say unread=true or unread=false" }).optional(),
    limit: z.coerce
      .number({ error: "Enter a number of notifications" })
      .int({ error: "Enter a whole number" })
      .min(1, { error: "Ask for at least 1" })
      .max(100, { error: "Ask for 100 or fewer" })
      .optional(),
  })
  .strict();

/** The live event to the person's own room when a notification of theirs is committed. */
export const NotificationNewSchema = z.object({ notification: NotificationSchema, unread: z.number().int() });
export type NotificationNew = z.infer<typeof NotificationNewSchema>;

export const NotificationPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  delivery: z.enum(NOTIFICATION_DELIVERIES),
  /** False for the kinds always e-mailed (ALWAYS_EMAILED): shown, not changeable. */
  changeable: z.boolean(),
});
export const NotificationPreferencesSchema = z.object({ data: z.array(NotificationPreferenceSchema) });

/** PUT /api/v1/notifications/preferences: the kinds to change and how each is delivered. */
export const NotificationPreferencesInputSchema = z
  .object({
    preferences: z
      .array(
        z
          .object({
            kind: z.enum(NOTIFICATION_KINDS, { error: "Choose a kind of notification" }),
            delivery: z.enum(NOTIFICATION_DELIVERIES, { error: "Choose e-mail straight away, one e-mail a day, or only in Placement Exchange" }),
          })
          .strict(),
      )
      .min(1, { error: "Choose at least one preference" })
      .max(NOTIFICATION_KINDS.length, { error: "Each kind once" }),
  })
  .strict();
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesInputSchema>;

/** An e-mail in the outbox, for the hub and the development page (no personalisation shown to the hub). */
export const OutboxEntrySchema = z.object({
  id: z.uuid(),
  template: z.string(),
  emailAddress: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** POST /api/v1/notifications/:id/read: the notification, now read, and how many are still unread. */
export const NotificationReadSchema = z.object({ data: NotificationSchema, unread: z.number().int() });

/** POST /api/v1/notifications/read-all: how many were marked read (the unread count is then 0). */
export const NotificationsReadAllSchema = z.object({ marked: z.number().int(), unread: z.number().int() });

/** GET /api/v1/notifications/outbox-problems: e-mails failed or long pending, with why, for the hub. */
export const OutboxProblemsSchema = z.object({ data: z.array(OutboxEntrySchema) });

/** GET /api/v1/dev/outbox (development only, no NOTIFY_API_KEY): each e-mail as it would read. */
export const DevOutboxEntrySchema = OutboxEntrySchema.extend({ subject: z.string(), body: z.string() });
export const DevOutboxSchema = z.object({ data: z.array(DevOutboxEntrySchema) });
