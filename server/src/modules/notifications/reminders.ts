import { sql } from "drizzle-orm";
import type { ReminderBefore } from "@shared/codes/notifications";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { type Repeating, startRepeating } from "../../lib/repeat";
import type { Logger } from "../../logger";
import { deadlineMessage } from "./messages/tenders";
import { notifyEach, recipientsOfEach } from "./notify";

// A reminder may be up to this late; half a minute is nothing against 1 hour or 24.
const POLL_MS = 30_000;

interface Due {
  request_id: string;
  setting_id: string;
  before: ReminderBefore;
  organisation_id: string;
  setting_name: string;
  council_name: string;
  deadline: Date | string;
  /** The deadline to the microsecond, as text: part of the notification's `about`, so a new deadline is told anew. */
  deadline_key: string;
}

/**
 * Reminds each invited setting that has neither offered nor declined, 24 hours and 1 hour before
 * an open request's deadline, once each per deadline: when the council extends the deadline, the
 * reminders come again before the new one. The deadline_reminders row (which records the
 * deadline) is made in the same transaction as the notifications (ON CONFLICT DO NOTHING
 * RETURNING), so with every node running this, exactly one tells each setting. Only the nearest
 * reminder is due: a request opened 30 minutes before its deadline gets the 1-hour one, not both;
 * none once the deadline has passed.
 */
export async function remindDueDeadlines(db: Db, batch = 100): Promise<number> {
  let told = 0;
  for (;;) {
    const made = await db.transaction(async (tx) => {
      const due = await rowsOf<Due>(
        tx,
        sql`WITH candidates AS (
              SELECT i.request_id, i.setting_id, r.deadline,
                     CASE WHEN r.deadline <= clock_timestamp() + interval '1 hour' THEN '1h' ELSE '24h' END AS before
              FROM request_invitations i JOIN placement_requests r ON r.id = i.request_id
              WHERE r.state = 'open' AND r.deadline > clock_timestamp() AND r.deadline <= clock_timestamp() + interval '24 hours'
                AND i.status IN ('invited', 'viewed')
                AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.request_id = i.request_id AND o.setting_id = i.setting_id)
            ), fresh AS (
              SELECT c.* FROM candidates c
              WHERE NOT EXISTS (
                SELECT 1 FROM deadline_reminders d
                WHERE d.request_id = c.request_id AND d.setting_id = c.setting_id AND d.deadline = c.deadline AND d.before = c.before
              )
              LIMIT ${batch}
            ), made AS (
              INSERT INTO deadline_reminders (request_id, setting_id, deadline, before)
              SELECT request_id, setting_id, deadline, before FROM fresh
              ON CONFLICT (request_id, setting_id, deadline, before) DO NOTHING
              RETURNING request_id, setting_id, deadline, before
            )
            SELECT m.request_id, m.setting_id, m.before, i.organisation_id, s.name AS setting_name, o.name AS council_name, m.deadline,
                   to_char(m.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS deadline_key
            FROM made m JOIN placement_requests r ON r.id = m.request_id JOIN settings s ON s.id = m.setting_id
              JOIN request_invitations i ON i.request_id = m.request_id AND i.setting_id = m.setting_id
              JOIN organisations o ON o.id = r.organisation_id`,
      );
      // Their staff, then every reminder of each kind, in one statement each: a batch is one transaction.
      const staff = await recipientsOfEach(tx, { organisationIds: due.map((d) => d.organisation_id), roles: ["provider"] });
      for (const before of ["24h", "1h"] as const) {
        const messages = due
          .filter((d) => d.before === before)
          .map((d) => ({
            ...deadlineMessage({
              requestId: d.request_id,
              councilName: d.council_name,
              deadline: new Date(d.deadline),
              before: d.before,
              settingName: d.setting_name,
            }),
            userIds: staff.get(d.organisation_id) ?? [],
            // notify() tells a person of each `about` once: without the deadline, the reminders before an extended one would be swallowed.
            about: `deadline_${d.before}:${d.request_id}:${d.setting_id}:${d.deadline_key}`,
          }));
        told += await notifyEach(tx, before === "24h" ? "deadline_24h" : "deadline_1h", messages);
      }
      return due.length;
    });
    if (made < batch) return told;
  }
}

/** Every node runs one, beside the closing scheduler; the database decides who reminds whom. */
export function startReminderScheduler(deps: { db: Db; logger: Logger }): Repeating {
  return startRepeating({
    everyMs: POLL_MS,
    logger: deps.logger,
    failure: "deadline reminder tick failed",
    work: async () => {
      const told = await remindDueDeadlines(deps.db);
      if (told > 0) deps.logger.info({ told }, "deadline reminders sent");
    },
  });
}
