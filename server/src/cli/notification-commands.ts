import { desc, eq } from "drizzle-orm";
import { OUTBOX_STATUSES, type OutboxStatus } from "@shared/codes/notifications";
import { emailOutbox } from "../db/schema";
import { EMAIL_TEMPLATES, templateEnvName } from "../modules/notifications/templates";
import { type CliCommand, parseOptions, withDatabase } from "./command";

export const notifyTemplatesCommand: CliCommand = {
  name: "notify templates",
  usage: "notify templates",
  summary: "print every e-mail template to paste into GOV.UK Notify, with its NOTIFY_TEMPLATE_* name",
  async run() {
    // Plain text for a person copying into Notify's template editor one at a time.
    for (const t of EMAIL_TEMPLATES) {
      console.log(`=== ${templateEnvName(t.name)} ===\nSubject: ${t.subject}\n\n${t.body}\n`);
    }
    return 0;
  },
};

export const outboxListCommand: CliCommand = {
  name: "outbox list",
  usage: "outbox list [--status held|pending|sent|failed] [--json]",
  summary: "the latest 100 e-mails in the outbox (held ones were never sent: no NOTIFY_API_KEY)",
  async run(args) {
    const { options } = parseOptions(args);
    const status = options.status;
    if (status !== undefined && !OUTBOX_STATUSES.includes(status as OutboxStatus)) {
      console.error(`--status must be one of ${OUTBOX_STATUSES.join(", ")}`);
      return 2;
    }
    const rows = await withDatabase((handle) =>
      handle.db
        .select()
        .from(emailOutbox)
        .where(status === undefined ? undefined : eq(emailOutbox.status, status as OutboxStatus))
        .orderBy(desc(emailOutbox.createdAt))
        .limit(100),
    );
    const entries = rows.map((r) => ({
      id: r.id,
      template: r.template,
      emailAddress: r.emailAddress,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt ? r.sentAt.toISOString() : null,
      reference: r.reference,
    }));
    if (options.json === true) {
      console.log(JSON.stringify(entries));
      return 0;
    }
    if (entries.length === 0) console.log("The outbox is empty.");
    for (const e of entries) {
      console.log(`${e.createdAt}  ${e.status.padEnd(7)}  ${e.template.padEnd(26)}  ${e.emailAddress}${e.lastError ? `  (${e.lastError})` : ""}`);
    }
    return 0;
  },
};
