// The rows the API writes, made in bulk: at the national size (2,150 people with a token each, 500
// requests of 20 invitations) one API call at a time took more than 25 minutes, each call taking
// its turn on the audit chain's lock and telling 20 providers one by one. These functions write
// what those calls leave behind, in a few multi-row statements: the same tables, columns and
// values (from the same schemas, defaults and message functions), checked against a request the
// API opened by sameRowsAsApi() at every run.
import { randomUUID } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import { DEFAULT_QUALITY_CRITERIA } from "@shared/codes/tenders";
import { RequestCreateSchema } from "@shared/schemas/placement-requests";
import type { Db, Tx } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { apiTokens, type AuditDetails, auditLog, emailOutbox, notifications, placementRequests, requestInvitations, users } from "../../server/src/db/schema";
import { generateTokenSecret } from "../../server/src/modules/api-tokens/token-secret";
import { canonicalJson } from "../../server/src/modules/audit/canonical-json";
import type { AuditEntryInput } from "../../server/src/modules/audit/record-audit";
import { auditRowHash, GENESIS_HASH } from "../../server/src/modules/audit/row-hash";
import { verifyAuditChain } from "../../server/src/modules/audit/verify-chain";
import { requestInvitedMessage } from "../../server/src/modules/notifications/messages/tenders";

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** A uuid[] parameter: one array literal however many ids. */
const uuids = (values: string[]) => `{${values.join(",")}}`;

/** Multi-row inserts of at most 1,000 rows (PostgreSQL takes 65,535 parameters a statement). */
async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (const batch of chunks(rows, 1000)) await insert(batch);
}

/**
 * Entries appended to the hash-chained audit log as recordAudit appends them one at a time: each
 * sealed with the previous one's hash, under the same lock, as nodes may be appending too.
 */
async function appendAudit(
  tx: Tx,
  entries: (Required<Pick<AuditEntryInput, "action" | "recordType" | "recordId" | "actorUserId" | "actorOrganisationId" | "details">> &
    Pick<AuditEntryInput, "ip">)[],
) {
  // record-audit.ts's AUDIT_APPEND_LOCK_KEY (were it to change, the seq primary key would still
  // refuse a clash rather than let the chain fork).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7240612)`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((e) => {
    // The hash must be of what jsonb gives back, as recordAudit's normalise() makes it.
    const details = JSON.parse(canonicalJson(e.details ?? {})) as AuditDetails;
    const unsealed = { ...e, details, ip: e.ip ?? null, reason: null, seq: ++seq, occurredAt: new Date(Date.now()), prevHash };
    prevHash = auditRowHash(unsealed);
    return { ...unsealed, hash: prevHash };
  });
  await insertAll(rows, (batch) => tx.insert(auditLog).values(batch));
}

interface BulkPerson {
  userId: string;
  token: string;
}

/**
 * A person for each organisation, with a one-day API token: the rows of a user insert and
 * createApiToken (`npm run cli -- token create`): api_tokens and its token.create audit entry.
 */
export async function peopleInBulk(db: Db, members: { organisationId: string; role: "commissioner" | "provider" }[]): Promise<BulkPerson[]> {
  const made = members.map((m) => {
    const id = randomUUID();
    const key = id.slice(0, 12);
    return {
      user: {
        id,
        issuer: "https://idp.test.example",
        subject: `bench-${key}`,
        email: `bench-${key}@test.example`,
        emailVerified: true,
        displayName: `Bench ${key}`,
        organisationId: m.organisationId,
        role: m.role,
      },
      tokenId: randomUUID(),
      secret: generateTokenSecret(),
    };
  });
  const expiresInDays = 1;
  const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
  await db.transaction(async (tx) => {
    await insertAll(made, (batch) => tx.insert(users).values(batch.map((m) => m.user)));
    await insertAll(made, (batch) =>
      tx
        .insert(apiTokens)
        .values(batch.map((m) => ({ id: m.tokenId, userId: m.user.id, name: "bench", prefix: m.secret.prefix, tokenHash: m.secret.hash, expiresAt }))),
    );
    await appendAudit(
      tx,
      made.map((m) => ({
        action: "token.create",
        recordType: "api_token",
        recordId: m.tokenId,
        actorUserId: m.user.id,
        actorOrganisationId: m.user.organisationId,
        details: { via: "cli", expiresInDays },
      })),
    );
  });
  return made.map((m) => ({ userId: m.user.id, token: m.secret.token }));
}

export interface BulkRequest {
  councilId: string;
  councilName: string;
  commissionerId: string;
  childId: string;
  /** Listed settings on lot 1, of different providers. */
  settingIds: string[];
}

export async function requestsInBulk(db: Db, regionId: string, requests: BulkRequest[], deadline: Date, ip: string | null): Promise<string[]> {
  const input = RequestCreateSchema.parse({ childId: randomUUID(), settingIds: [randomUUID()], deadline: deadline.toISOString() });
  const lot = 1;
  const band = "C";
  const ids = requests.map(() => randomUUID());
  await db.transaction(async (tx) => {
    const [clock] = await rowsOf<{ now: Date; ceiling: number | null }>(
      tx,
      sql`SELECT now() AS now, (SELECT pb.weekly_ceiling_pence FROM price_bands pb JOIN lots l ON l.id = pb.lot_id JOIN frameworks f ON f.id = l.framework_id
                               WHERE f.region_id = ${regionId} AND l.number = ${lot} AND pb.band = ${band} LIMIT 1) AS ceiling`,
    );
    const now = new Date(clock?.now ?? Date.now());
    await insertAll(
      requests.map((r, i) => ({ r, id: ids[i] as string })),
      (batch) =>
        tx.insert(placementRequests).values(
          batch.map(({ r, id }) => ({
            id,
            organisationId: r.councilId,
            childId: r.childId,
            lotNumber: lot,
            priceBand: band,
            bandCeilingPence: clock?.ceiling == null ? null : Number(clock.ceiling),
            mode: input.mode,
            state: "open" as const,
            deadline,
            qualityWeight: input.weights.quality,
            priceWeight: input.weights.price,
            criteria: DEFAULT_QUALITY_CRITERIA.map((c) => ({ ...c })),
            questionsCloseAt: null,
            openedAt: now,
            standstillDays: input.standstillDays,
            standstillReason: null,
            createdBy: r.commissionerId,
            createdAt: now,
            updatedAt: now,
          })),
        ),
    );
    // Each setting's organisation and name, and the organisation's provider staff (recipientsOf).
    const invitedIds = [...new Set(requests.flatMap((r) => r.settingIds))];
    const invited = new Map(
      (
        await rowsOf<{ id: string; organisation_id: string; name: string }>(
          tx,
          sql`SELECT id, organisation_id, name FROM settings WHERE id = ANY(${uuids(invitedIds)}::uuid[])`,
        )
      ).map((s) => [s.id, s]),
    );
    const staff = new Map<string, { id: string; email: string }[]>();
    for (const p of await rowsOf<{ id: string; email: string; organisation_id: string }>(
      tx,
      sql`SELECT id, email, organisation_id FROM users WHERE role = 'provider' AND disabled_at IS NULL
             AND organisation_id IN (SELECT organisation_id FROM settings WHERE id = ANY(${uuids(invitedIds)}::uuid[])) ORDER BY id`,
    )) {
      staff.set(p.organisation_id, [...(staff.get(p.organisation_id) ?? []), p]);
    }
    const settingOf = (id: string) => {
      const s = invited.get(id);
      if (!s) throw new Error(`no setting ${id}`);
      return s;
    };
    const invitations = requests.flatMap((r, i) =>
      r.settingIds.map((id) => ({ requestId: ids[i] as string, settingId: id, organisationId: settingOf(id).organisation_id })),
    );
    await insertAll(invitations, (batch) => tx.insert(requestInvitations).values(batch.map((v) => ({ ...v, invitedAt: now }))));
    await appendAudit(
      tx,
      requests.map((r, i) => ({
        action: "placement_request.open",
        recordType: "placement_request",
        recordId: ids[i] as string,
        actorUserId: r.commissionerId,
        actorOrganisationId: r.councilId,
        ip,
        details: { childId: r.childId, lot, mode: input.mode, invited: r.settingIds.length, standstillDays: input.standstillDays },
      })),
    );
    const told = requests.flatMap((r, i) => {
      const requestId = ids[i] as string;
      return r.settingIds.flatMap((settingId) => {
        const setting = settingOf(settingId);
        const m = requestInvitedMessage({ requestId, councilName: r.councilName, deadline, settingName: setting.name });
        return (staff.get(setting.organisation_id) ?? []).map((person) => ({ id: randomUUID(), person, about: `invited:${requestId}:${settingId}`, m }));
      });
    });
    await insertAll(told, (batch) =>
      tx.insert(notifications).values(
        batch.map((t) => ({
          id: t.id,
          userId: t.person.id,
          kind: "request_invited" as const,
          about: t.about,
          title: t.m.title,
          body: t.m.body,
          link: t.m.link,
          createdAt: now,
          publishedAt: now,
        })),
      ),
    );
    await insertAll(told, (batch) =>
      tx.insert(emailOutbox).values(
        batch.map((t) => ({
          notificationId: t.id,
          userId: t.person.id,
          emailAddress: t.person.email,
          template: "request_invited",
          personalisation: { ...t.m.personalisation, title: t.m.title, body: t.m.body, link: t.m.link },
          reference: `notification-${t.id}`,
          status: "held" as const,
          dueAt: now,
          nextAttemptAt: now,
          createdAt: now,
        })),
      ),
    );
  });
  return ids;
}

// ---------------------------------------------------------------------------------------------
// The check: a bulk request's rows against the API's

/** A row with the values that differ between any two requests (ids, times, the deadline, names) replaced by whether they are set. */
function shape(row: Record<string, unknown>, varying: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, varying.includes(k) ? (v === null ? null : "set") : v]));
}

/** Every table a request's opening writes, shaped so that two requests of the same defaults compare equal. */
async function rowsOfRequest(db: Db, requestId: string): Promise<Record<string, unknown>> {
  const request = await rowsOf<Record<string, unknown>>(db, sql`SELECT * FROM placement_requests WHERE id = ${requestId}`);
  const invitations = await rowsOf<Record<string, unknown>>(db, sql`SELECT * FROM request_invitations WHERE request_id = ${requestId}`);
  const audit = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT action, record_type, ip, reason, details - 'childId' AS details, details ? 'childId' AS names_child FROM audit_log WHERE record_id = ${requestId}`,
  );
  const told = await rowsOf<Record<string, unknown>>(db, sql`SELECT * FROM notifications WHERE about LIKE ${`invited:${requestId}:%`}`);
  const mail = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT template, status, attempts, last_error, notify_id, sent_at, (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(personalisation) k) AS personalisation_keys
          FROM email_outbox WHERE notification_id = ANY(${uuids(told.map((t) => String(t.id)))}::uuid[])`,
  );
  const counts = { invitations: invitations.length, notifications: told.length, emails: mail.length };
  return {
    counts,
    request: shape(request[0] ?? {}, ["id", "organisation_id", "child_id", "deadline", "opened_at", "created_by", "created_at", "updated_at"]),
    invitations: [...new Set(invitations.map((r) => JSON.stringify(shape(r, ["request_id", "setting_id", "organisation_id", "invited_at"]))))],
    audit,
    notifications: [...new Set(told.map((r) => JSON.stringify(shape(r, ["id", "user_id", "about", "title", "body", "link", "created_at", "published_at"]))))],
    emails: [...new Set(mail.map((r) => JSON.stringify(r)))],
  };
}

/** The address the API recorded for a request's opening: the bulk entries record the same. */
export async function ipOfOpening(db: Db, requestId: string): Promise<string | null> {
  const [row] = await rowsOf<{ ip: string | null }>(db, sql`SELECT ip FROM audit_log WHERE record_id = ${requestId} AND action = 'placement_request.open'`);
  return row?.ip ?? null;
}

/**
 * Throws unless the bulk request's rows have the API-opened request's shape: every column of the
 * request, its invitations, its audit entry, notifications and e-mails, with ids, times and names
 * set in both; and that the audit log's hash chain holds with the bulk entries in it. Waits (up to 30 s) for the outbox worker to publish the API's notifications and
 * hold its e-mails, the state the bulk rows are written in.
 */
export async function sameRowsAsApi(db: Db, apiRequestId: string, bulkRequestId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [pending] = await rowsOf<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM notifications n LEFT JOIN email_outbox e ON e.notification_id = n.id
           WHERE n.about LIKE ${`invited:${apiRequestId}:%`} AND (n.published_at IS NULL OR e.status IS DISTINCT FROM 'held')`,
    );
    if (Number(pending?.n) === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const [api, bulk] = [await rowsOfRequest(db, apiRequestId), await rowsOfRequest(db, bulkRequestId)];
  if (JSON.stringify(api) !== JSON.stringify(bulk)) {
    throw new Error(`bulk request rows differ from the API's:\n api:  ${JSON.stringify(api)}\n bulk: ${JSON.stringify(bulk)}`);
  }
  const chain = await verifyAuditChain(db);
  if (!chain.ok) throw new Error(`the audit chain is broken at ${chain.firstBrokenSeq}: ${chain.reason}`);
}
