import { Router } from "express";
import { OUTBOX_GIVE_UP_HOURS } from "@shared/codes/notifications";
import { DevOutboxSchema, type OutboxEntry, OutboxProblemsSchema } from "@shared/schemas/notifications";
import type { Db } from "../../db/client";
import type { EmailOutboxRow } from "../../db/schema";
import type { Env } from "../../env";
import { notFound } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { watchesOutbox } from "./policy";
import { latestOutbox, outboxProblems } from "./queries-outbox";
import { renderTemplate, templateNamed } from "./templates";

const DEV_PAGE_SIZE = 100;
// Pending longer than this and still not sent: the hub should know before the day's give-up.
const LONG_PENDING_MINUTES = 60;

const presentOutboxEntry = (row: EmailOutboxRow): OutboxEntry => ({
  id: row.id,
  template: row.template,
  emailAddress: row.emailAddress,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt ? row.sentAt.toISOString() : null,
});

/** The outbox as the hub sees it, and the development page of e-mails that would be sent. */
export function outboxRoutes({ db, env }: { db: Db; env: Pick<Env, "nodeEnv" | "notify" | "publicUrl"> }): Router {
  const router = Router();
  const common = { tag: "notifications", access: "signed-in" as const, before: [requireMember(watchesOutbox)] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/notifications/outbox-problems",
    summary: `E-mails that failed (given up after ${OUTBOX_GIVE_UP_HOURS} hours or refused by Notify) or pending over an hour, with the reason`,
    responses: { 200: { description: "The e-mails", schema: OutboxProblemsSchema } },
    handler: async (req, res) => {
      res.json({ data: (await outboxProblems(db, memberOf(req).regionId, LONG_PENDING_MINUTES)).map(presentOutboxEntry) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/dev/outbox",
    summary: "Development only (no NOTIFY_API_KEY, not production): the latest 100 e-mails as they would read; not found otherwise",
    responses: { 200: { description: "The e-mails", schema: DevOutboxSchema } },
    handler: async (req, res) => {
      // Real addresses and messages exist only where e-mail is really sent: there the page is not.
      if (env.nodeEnv === "production" || env.notify.apiKey !== undefined) throw notFound("The page");
      const rows = await latestOutbox(db, memberOf(req).regionId, DEV_PAGE_SIZE);
      res.json({
        data: rows.map((row) => {
          const template = templateNamed(row.template);
          const link = row.personalisation.link ?? "/";
          const values = { ...row.personalisation, link: link.startsWith("/") ? `${env.publicUrl}${link}` : link };
          const rendered = template ? renderTemplate(template, values) : { subject: "", body: `No template named "${row.template}".` };
          return { ...presentOutboxEntry(row), ...rendered };
        }),
      });
    },
  });

  return router;
}
