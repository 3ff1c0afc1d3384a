import { randomUUID } from "node:crypto";
import { gt, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeCommit } from "../../server/src/db/before-commit";
import type { Tx } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { auditLog } from "../../server/src/db/schema";
import { canonicalJson } from "../../server/src/modules/audit/canonical-json";
import { appendAuditNow, type AuditEntryInput, recordAudit } from "../../server/src/modules/audit/record-audit";
import { auditRowHash, GENESIS_HASH } from "../../server/src/modules/audit/row-hash";
import { verifyAuditChain } from "../../server/src/modules/audit/verify-chain";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const entry = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  action: "child_profile.read",
  recordType: "child_profile",
  recordId: randomUUID(),
  actorUserId: randomUUID(),
  actorOrganisationId: randomUUID(),
  ip: "203.0.113.7",
  reason: "UK GDPR art. 9(2)(g): EHC plan placement search",
  details: { needCode: "ASD", lotNumber: 2 },
  ...overrides,
});

const count = async () => (await t.handle.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log"))[0]?.n;

/** Whether this transaction holds the chain's append lock (pg_advisory_xact_lock(7240612)). */
const holdsChainLock = async (tx: Tx) =>
  (
    await rowsOf<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = 7240612 AND pid = pg_backend_pid() AND granted`,
    )
  )[0]?.n === 1;

/** Runs SQL with the append-only trigger switched off, as a superuser tampering with the log could. */
const behindTheTriggersBack = (statement: string) =>
  t.handle.sql.execInTransaction(`ALTER TABLE audit_log DISABLE TRIGGER USER; ${statement}; ALTER TABLE audit_log ENABLE TRIGGER USER;`, async () => {});

describe("recordAudit", () => {
  it("should append rows that verify, sealed with the hash of their contents", async () => {
    const first = await appendAuditNow(t.handle.db, entry({ actorUserId: randomUUID().toUpperCase() }));
    const second = await appendAuditNow(t.handle.db, entry({ action: "auth.sign_in_failed", recordId: undefined, actorUserId: null, details: undefined }));
    // The database's genesis hash (migration 0032) is the one the verifier starts from.
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, recordId: null, actorUserId: null, details: {} });
    expect(first.actorUserId).toBe(first.actorUserId?.toLowerCase());
    expect(auditRowHash(first)).toBe(first.hash);
    await expect(verifyAuditChain(t.handle.db)).resolves.toEqual({ ok: true, rows: 2 });
  });

  it("should give 25 concurrent appends the next seqs, contiguous, in a chain that verifies", async () => {
    const before = (await count()) ?? 0;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => t.handle.db.transaction((tx) => recordAudit(tx, entry({ action: "organisation.create", details: { i } })))),
    );
    const seqs = (await t.handle.db.select({ seq: auditLog.seq }).from(auditLog)).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: before + 25 }, (_, i) => i + 1));
    // A batch size that does not divide the row count, so the walk crosses batch boundaries.
    await expect(verifyAuditChain(t.handle.db, { batchSize: 4 })).resolves.toEqual({ ok: true, rows: before + 25 });
  });

  it("should chain appends made without a transaction (one statement each) with those of transactions, whatever the interleaving", async () => {
    const before = (await count()) ?? 0;
    // A read of a child's profile is audited by one statement of its own; offers and awards queue theirs for their commit.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? t.handle.db.transaction((tx) => recordAudit(tx, entry({ action: "offer.submit", details: { i } })))
          : i % 3 === 1
            ? recordAudit(t.handle.db, entry({ details: { i } }))
            : appendAuditNow(t.handle.db, entry({ action: "auth.sign_in", details: { i } })),
      ),
    );
    const seqs = (await t.handle.db.select({ seq: auditLog.seq }).from(auditLog)).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: before + 30 }, (_, i) => i + 1));
    await expect(verifyAuditChain(t.handle.db, { batchSize: 7 })).resolves.toEqual({ ok: true, rows: before + 30 });
    // Nothing left queued: a plain append does not go through the queue.
    expect((await t.handle.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_queue"))[0]?.n).toBe(0);
  });

  it("should leave no row when the caller's transaction rolls back", async () => {
    const before = await count();
    await expect(
      t.handle.db.transaction(async (tx) => {
        await recordAudit(tx, entry({ action: "member.role_change" }));
        throw new Error("the change it recorded failed");
      }),
    ).rejects.toThrow("the change it recorded failed");
    expect(await count()).toBe(before);
    const next = await appendAuditNow(t.handle.db, entry());
    expect(next.seq).toBe((before ?? 0) + 1);
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true });
  });

  it("should append a transaction's entries at its end, in order, so the chain's lock is not held while it works", async () => {
    const before = (await count()) ?? 0;
    const held = await t.handle.db.transaction(async (tx) => {
      await recordAudit(tx, entry({ action: "placement_request.standstill", details: { n: 1 } }));
      await recordAudit(tx, entry({ action: "placement_request.awarded", details: { n: 2 } }));
      const whileWorking = await holdsChainLock(tx);
      await recordAudit(tx, entry({ action: "placement.create", details: { n: 3 } }));
      return whileWorking;
    });
    // Taking the lock when it recorded, the transaction would have made every other audited write
    // in the service wait through the rest of its work.
    expect(held).toBe(false);
    const rows = await t.handle.db.select({ seq: auditLog.seq, action: auditLog.action }).from(auditLog).where(gt(auditLog.seq, before));
    expect(rows.sort((a, b) => a.seq - b.seq)).toEqual([
      { seq: before + 1, action: "placement_request.standstill" },
      { seq: before + 2, action: "placement_request.awarded" },
      { seq: before + 3, action: "placement.create" },
    ]);
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true });
    // And the lock is taken when they are appended: the same check right after an append at once.
    expect(await t.handle.db.transaction(async (tx) => (await appendAuditNow(tx, entry()), holdsChainLock(tx)))).toBe(true);
  });

  it("should not hold the chain's lock from queuing its entries to its commit, so other audited writes go on meanwhile", async () => {
    const before = (await count()) ?? 0;
    let heldBeforeCommit: boolean | undefined;
    let meanwhile: string | undefined;
    await t.handle.db.transaction(async (tx) => {
      await recordAudit(tx, entry({ action: "offer.submit", details: { n: 1 } }));
      // Runs at the transaction's end, after its own work, just before its last writes (the
      // entries' queue among them) and the COMMIT are sent.
      beforeCommit(tx, async () => {
        heldBeforeCommit = await holdsChainLock(tx);
        // Another connection's audited write, while this transaction waits for its COMMIT (a
        // node waiting for a core). PGlite has one connection, which this transaction holds.
        if (t.handle.driver === "pg") {
          const other = appendAuditNow(t.handle.db, entry({ action: "offer.revise", details: { n: 2 } })).then((row) => row.action);
          meanwhile = await Promise.race([other, new Promise<string>((resolve) => setTimeout(() => resolve("waited for the lock"), 5000))]);
        }
      });
    });
    expect(heldBeforeCommit).toBe(false);
    if (t.handle.driver === "pg") expect(meanwhile).toBe("offer.revise");
    // Appended by the database as the transaction committed, after what committed meanwhile.
    const rows = await t.handle.db.select({ seq: auditLog.seq, action: auditLog.action }).from(auditLog).where(gt(auditLog.seq, before));
    expect(rows.sort((a, b) => a.seq - b.seq).map((r) => r.action)).toEqual(t.handle.driver === "pg" ? ["offer.revise", "offer.submit"] : ["offer.submit"]);
    expect((await t.handle.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_queue"))[0]?.n).toBe(0);
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true });
  });

  it("should append at once what a transaction needs the row of, after what it had queued", async () => {
    const before = (await count()) ?? 0;
    const sealed = await t.handle.db.transaction(async (tx) => {
      await recordAudit(tx, entry({ action: "framework.band_ceiling_change", details: { n: 1 } }));
      return appendAuditNow(tx, entry({ action: "framework.band_ceiling_change", details: { n: 2 } }));
    });
    expect(sealed).toMatchObject({ seq: before + 2, details: { n: 2 } });
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true, rows: before + 2 });
  });

  it("should refuse details that JSON cannot carry faithfully", async () => {
    await expect(recordAudit(t.handle.db, entry({ details: { at: new Date() as never } }))).rejects.toThrow(/cannot carry/);
    await expect(recordAudit(t.handle.db, entry({ details: { n: Number.NaN } }))).rejects.toThrow(/cannot carry/);
    await expect(recordAudit(t.handle.db, entry({ actorUserId: "not-a-uuid" }))).rejects.toThrow(/uuid/);
  });

  it("should seal rows in the database exactly as the app verifies them, whatever their text", async () => {
    // PostgreSQL writes each row's seal (migration 0032) from the canonical JSON the app splits
    // around the seq, time and previous hash: quotes, escapes, other scripts and lookalikes of the
    // split's own markers must all hash the same on both sides.
    const tricky = ['"occurredAt":"","prevHash":"",', 'a "quoted" \\ back\\slash', "Ysgol Gymraeg Caerdydd – ŵ ŷ", "日本語 😀", "line\nbreak\ttab", ""];
    const text = fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: "grapheme", maxLength: 30 }));
    const before = await count();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ reason: fc.option(text, { nil: null }), recordId: fc.option(text, { nil: null }), key: text, value: text }), {
          minLength: 1,
          maxLength: 3,
        }),
        async (entries) => {
          await t.handle.db.transaction(async (tx) => {
            for (const e of entries) {
              await recordAudit(tx, entry({ reason: e.reason, recordId: e.recordId, details: { [e.key]: e.value, nested: { occurredAt: "", prevHash: "" } } }));
            }
          });
        },
      ),
      { numRuns: 40 },
    );
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true });
    expect(await count()).toBeGreaterThan((before ?? 0) + 40);
  });

  it("should refuse a repeatable read transaction, whose snapshot could predate the lock", async () => {
    const before = await count();
    const refusal: unknown = await t.handle.db
      .transaction((tx) => recordAudit(tx, entry()), { isolationLevel: "repeatable read" })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    // The database refuses it when it commits (migrations 0032 and 0033), with its reason in the
    // error or, as node-postgres's driver wraps it, in the error's cause; nothing is appended.
    const reasons = (error: unknown): string => (error instanceof Error ? `${error.message} | ${reasons(error.cause)}` : "");
    expect(reasons(refusal)).toMatch(/needs a read committed transaction, not repeatable read/);
    expect(await count()).toBe(before);
  });
});

describe("audit_log append-only trigger", () => {
  it("should refuse UPDATE, DELETE and TRUNCATE and leave the row unchanged", async () => {
    const [before] = await t.handle.sql.query("SELECT * FROM audit_log WHERE seq = 1");
    await expect(t.handle.sql.query(`UPDATE audit_log SET details = '{"needCode":"SLD"}' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.handle.sql.query("DELETE FROM audit_log WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(t.handle.sql.query("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect((await t.handle.sql.query("SELECT * FROM audit_log WHERE seq = 1"))[0]).toEqual(before);
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true });
  });
});

describe("verifyAuditChain", () => {
  it("should name the row whose contents were changed behind the trigger's back", async () => {
    await behindTheTriggersBack(`UPDATE audit_log SET details = details || '{"tampered":true}' WHERE seq = 4`);
    const report = await verifyAuditChain(t.handle.db, { batchSize: 3 });
    expect(report).toEqual({ ok: false, rows: 3, firstBrokenSeq: 4, reason: "hash does not match the row's contents" });
    await behindTheTriggersBack(`UPDATE audit_log SET details = details - 'tampered' WHERE seq = 4`);
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true });
  });

  it("should name a row whose hash was recomputed, through the next row's broken link", async () => {
    const [row] = await t.handle.db.select().from(auditLog).orderBy(auditLog.seq).offset(5).limit(1);
    if (!row) throw new Error("expected a sixth row");
    const forged = { ...row, details: { ...row.details, lotNumber: 3 } };
    await behindTheTriggersBack(`UPDATE audit_log SET details = '${JSON.stringify(forged.details)}', hash = '${auditRowHash(forged)}' WHERE seq = 6`);
    const report = await verifyAuditChain(t.handle.db);
    expect(report).toEqual({ ok: false, rows: 6, firstBrokenSeq: 7, reason: "prev_hash does not match row 6's hash" });
    await behindTheTriggersBack(`UPDATE audit_log SET details = '${JSON.stringify(row.details)}', hash = '${row.hash}' WHERE seq = 6`);
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true });
  });

  it("should report the gap where a middle row was deleted", async () => {
    const [saved] = await t.handle.sql.query("SELECT * FROM audit_log WHERE seq = 10");
    await behindTheTriggersBack("DELETE FROM audit_log WHERE seq = 10");
    const report = await verifyAuditChain(t.handle.db);
    expect(report).toEqual({ ok: false, rows: 9, firstBrokenSeq: 10, reason: "row 10 is missing" });
    // Put back exactly as it was, the chain verifies again.
    await t.handle.sql.query("INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1)", [JSON.stringify(saved)]);
    await expect(verifyAuditChain(t.handle.db)).resolves.toMatchObject({ ok: true, rows: await count() });
  });
});

// Objects, possibly with undefined properties, nested in objects and arrays.
const { json } = fc.letrec<{ json: unknown; object: Record<string, unknown> }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.string({ unit: "binary" }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.array(tie("json"), { maxLength: 4 }),
    tie("object"),
  ),
  object: fc.dictionary(fc.string(), fc.option(tie("json"), { nil: undefined }), { maxKeys: 5 }),
}));

/** The same value with every object's keys inserted in another order. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, shuffleKeys(v, random)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries);
}

describe("canonicalJson", () => {
  it("should sort keys at every depth and write no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: null, e: "x" }], c: undefined } })).toBe('{"a":{"d":[3,{"e":"x","f":null}]},"b":1}');
  });

  it("should give the same string for any order of the same keys, and parse back to the value", () => {
    fc.assert(
      fc.property(json, fc.integer(), (value, seed) => {
        let state = seed >>> 0;
        const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
        const canonical = canonicalJson(value);
        expect(canonicalJson(shuffleKeys(value, random))).toBe(canonical);
        // JSON drops undefined properties; toEqual alone would compare a dropped `valueOf` with Object.prototype's.
        expect(JSON.parse(canonical)).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});
