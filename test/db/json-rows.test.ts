import { eq, sql, type Table } from "drizzle-orm";
import { fromJsonRows } from "../../server/src/db/json-rows";
import { rowsOf } from "../../server/src/db/rows";
import {
  awards,
  childProfiles,
  clarifications,
  idempotencyKeys,
  offers,
  offerScores,
  offerVersions,
  placementRequests,
  placements,
  requestAmendments,
  requestInvitations,
} from "../../server/src/db/schema";
import { buildRegion } from "../factories/organisations";
import { buildRequestAt, type StagedRequest } from "../factories/request-stages";
import { buildUser } from "../factories/users";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// A request's view reads its lists as JSON (db/json-rows.ts). Whatever the column types
// (timestamps, dates, generated columns, arrays, jsonb, bigints), a row read that way must be
// the row drizzle's own select gives, or a page would show a wrong date or fee after a reconnect.

let t: TestDatabase;
let staged: StagedRequest;
beforeAll(async () => {
  t = await createTestDatabase();
  const { id: regionId } = await buildRegion(t.handle.db);
  staged = await buildRequestAt(t.handle.db, "awarded", { regionId, withClarification: true });
  await t.handle.db.insert(requestAmendments).values({
    requestId: staged.request.id,
    number: 1,
    changes: { deadline: { from: "2026-12-01T12:00:00.000Z", to: "2026-12-02T12:00:00.000Z" }, note: "Moved a day" },
    reason: "The council's panel moved.",
    amendedBy: staged.commissioner.userId,
  });
});
afterAll(() => t.drop());

async function bothWays<T extends Table>(table: T, where: ReturnType<typeof eq>) {
  const direct = await t.handle.db
    .select()
    .from(table as Table)
    .where(where);
  const [{ rows }] = await rowsOf<{ rows: unknown[] | null }>(t.handle.db, sql`SELECT json_agg(${table}) AS rows FROM ${table} WHERE ${where}`).then(
    (r) => r as [{ rows: unknown[] | null }],
  );
  return { direct, fromJson: fromJsonRows(table, rows ?? []) };
}

describe("rows read as JSON (a request's view in one statement)", () => {
  it.each([
    ["offers", offers, () => eq(offers.requestId, staged.request.id)],
    ["offer versions (a generated fee, a date, jsonb)", offerVersions, () => eq(offerVersions.offerId, staged.offerId!)],
    ["offer scores", offerScores, () => eq(offerScores.offerId, staged.offerId!)],
    ["clarifications", clarifications, () => eq(clarifications.requestId, staged.request.id)],
    ["amendments (jsonb)", requestAmendments, () => eq(requestAmendments.requestId, staged.request.id)],
    ["invitations", requestInvitations, () => eq(requestInvitations.requestId, staged.request.id)],
    ["awards", awards, () => eq(awards.requestId, staged.request.id)],
    ["placements (a date array)", placements, () => eq(placements.requestId, staged.request.id)],
    ["the request (jsonb criteria)", placementRequests, () => eq(placementRequests.id, staged.request.id)],
    ["the child (dates, a bigint, jsonb, arrays)", childProfiles, () => eq(childProfiles.id, staged.child.id)],
  ] as const)("should give %s as drizzle's select does", async (_, table, where) => {
    const { direct, fromJson } = await bothWays(table, where());
    expect(direct.length).toBeGreaterThan(0);
    expect(fromJson).toEqual(direct);
  });

  // drizzle's own select parses a jsonb string a second time ("123" comes back as 123), so here the
  // stored value is the reference: none of the view's jsonb columns holds a bare string.
  it("should keep a jsonb value that is a string as the string stored, not parse it again", async () => {
    const { user } = await buildUser(t.handle.db, {});
    await t.handle.db.insert(idempotencyKeys).values([
      { userId: user.id, key: "k1", scope: "test", status: 201, body: "123" },
      { userId: user.id, key: "k2", scope: "test", status: 201, body: '{"a":1}' },
    ]);
    const { fromJson } = await bothWays(idempotencyKeys, eq(idempotencyKeys.userId, user.id));
    expect(fromJson.map((r) => r.body).sort()).toEqual(["123", '{"a":1}']);
  });
});
