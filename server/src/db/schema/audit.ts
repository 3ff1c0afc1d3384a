import { bigint, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A JSON value as jsonb stores it and JSON.parse gives it back (no undefined, Date or NaN). */
export type AuditDetailValue = string | number | boolean | null | AuditDetailValue[] | { [key: string]: AuditDetailValue };

/** Ids and codes that explain an audit entry; never names or free text about a child. */
export type AuditDetails = { [key: string]: AuditDetailValue };

// Append-only and hash-chained: written only through recordAudit (server/src/modules/audit).
export const auditLog = pgTable("audit_log", {
  // A number, not a bigint: 2^53 entries is beyond any council's lifetime.
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  actorUserId: uuid("actor_user_id"),
  actorOrganisationId: uuid("actor_organisation_id"),
  action: text("action").notNull(),
  recordType: text("record_type").notNull(),
  recordId: text("record_id"),
  ip: text("ip"),
  /** Why; for a disclosure of a child's data, the lawful basis. */
  reason: text("reason"),
  details: jsonb("details").$type<AuditDetails>().notNull().default({}),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull().unique(),
});
