import { Router } from "express";
import {
  NotificationListSchema,
  NotificationPreferencesInputSchema,
  NotificationPreferencesSchema,
  NotificationQuerySchema,
  NotificationReadSchema,
  NotificationsReadAllSchema,
} from "@shared/schemas/notifications";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { markAllNotificationsRead, markNotificationRead } from "./commands/mark-read";
import { setNotificationPreferences } from "./commands/set-preferences";
import { notificationKindsFor, readsOwnNotifications } from "./policy";
import { presentNotification, presentPreferences } from "./present";
import { notificationsOf, preferencesOf, unreadCountOf } from "./queries";

/** A list longer than this is a page the person would not read; the newest matter. */
const DEFAULT_LIMIT = 50;

/** The in-app notification centre: each person's own notifications and how they want them delivered. */
export function notificationRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "notifications", access: "signed-in" as const, before: [requireMember(readsOwnNotifications)] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/notifications",
    summary: "Your own notifications, newest first, with how many are unread",
    input: { query: NotificationQuerySchema },
    responses: { 200: { description: "The notifications", schema: NotificationListSchema } },
    handler: async (req, res, input) => {
      const { userId } = memberOf(req);
      const rows = await notificationsOf(db, userId, { unreadOnly: input.query.unread === "true", limit: input.query.limit ?? DEFAULT_LIMIT });
      res.json({ data: rows.map(presentNotification), unread: await unreadCountOf(db, userId) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/notifications/read-all",
    summary: "Mark all your notifications read",
    responses: { 200: { description: "How many were marked", schema: NotificationsReadAllSchema } },
    handler: async (req, res) => {
      const { userId } = memberOf(req);
      const marked = await markAllNotificationsRead({ db, userId });
      res.json({ marked, unread: await unreadCountOf(db, userId) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/notifications/:id/read",
    summary: "Mark one of your notifications read (another person's is not found)",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The notification, read", schema: NotificationReadSchema } },
    handler: async (req, res, input) => {
      const { userId } = memberOf(req);
      const row = await markNotificationRead({ db, userId, id: input.params.id });
      res.json({ data: presentNotification(row), unread: await unreadCountOf(db, userId) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/notifications/preferences",
    summary: "How you are told of each kind of notification for your role (the always e-mailed ones cannot be changed)",
    responses: { 200: { description: "Your preferences", schema: NotificationPreferencesSchema } },
    handler: async (req, res) => {
      const actor = memberOf(req);
      res.json(presentPreferences(notificationKindsFor(actor), await preferencesOf(db, actor.userId)));
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/notifications/preferences",
    summary: "Change how you are told of some kinds of notification (audited; 400 names each kind you may not change)",
    input: { body: NotificationPreferencesInputSchema },
    responses: { 200: { description: "Your preferences now", schema: NotificationPreferencesSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      await setNotificationPreferences({ db, actor, input: input.body, ip: req.ip });
      res.json(presentPreferences(notificationKindsFor(actor), await preferencesOf(db, actor.userId)));
    },
  });
  return router;
}
