import request from "supertest";
import { RequestListSchema } from "@shared/schemas/placement-requests";
import { buildChild } from "../factories/children";
import { buildMarket, type Market, openRequest } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let m: Market;
const ids: string[] = [];
let childReference = "";
const query = (text: string, params: unknown[] = []) => t.database.handle.sql.query(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  m = await buildMarket(t.database.handle.db, { providers: 1 });
  // 23 requests: 21 for the market's child, 2 for a second child; 3 moved to "waiting for a decision" states, 1 a draft.
  const child = await buildChild(t.database.handle.db, { organisationId: m.commissioner.user.organisationId!, priceBand: "C" });
  childReference = child.reference;
  for (let i = 0; i < 23; i++) {
    const { request: made } = await openRequest(t.app, i < 21 ? m : { ...m, childId: child.id }, i === 22 ? { open: false } : {});
    ids.push(made.id);
  }
  await query("UPDATE placement_requests SET state = 'closed' WHERE id = $1", [ids[0]]);
  await query("UPDATE placement_requests SET state = 'evaluated' WHERE id = $1", [ids[1]]);
  await query("UPDATE placement_requests SET state = 'cancelled' WHERE id = $1", [ids[2]]);
}, 120_000);
afterAll(() => t.close());

const list = async (who: BuiltUser, qs: string) => {
  const res = await request(t.app).get(`/api/v1/placement-requests${qs}`).set(who.auth);
  expect(res.status).toBe(200);
  return RequestListSchema.parse(res.body);
};

describe("GET /api/v1/placement-requests?q=&status=&page=", () => {
  it("should answer 20 a page, newest first, with the total, and the rest on page 2", async () => {
    const first = await list(m.commissioner, "");
    expect(first.meta).toEqual({ total: 23, page: 1, pageSize: 20 });
    expect(first.data.map((r) => r.id)).toEqual([...ids].reverse().slice(0, 20));
    const second = await list(m.commissioner, "?page=2");
    expect(second.data.map((r) => r.id)).toEqual([...ids].reverse().slice(20));
    expect((await list(m.commissioner, "?page=9")).data).toEqual([]);
  });

  it("should filter by state, 'waiting for a decision' being closed, evaluated or in standstill", async () => {
    const waiting = await list(m.commissioner, "?status=awaiting_decision");
    expect(waiting.data.map((r) => r.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(waiting.meta.total).toBe(2);
    const some = await list(m.commissioner, "?status=cancelled&status=draft");
    expect(some.data.map((r) => r.id).sort()).toEqual([ids[2], ids[22]].sort());
  });

  it("should search by public reference (with or without PR-) and, for the council, by the child's reference", async () => {
    const target = ids[5]!;
    const reference = `PR-${target.slice(0, 8).toUpperCase()}`;
    expect((await list(m.commissioner, `?q=${reference}`)).data.map((r) => r.id)).toEqual([target]);
    expect((await list(m.commissioner, `?q=${target.slice(0, 8)}`)).data.map((r) => r.id)).toEqual([target]);
    const byChild = await list(m.commissioner, `?q=${encodeURIComponent(childReference.slice(1, -1).toLowerCase())}`);
    expect(byChild.data.map((r) => r.id).sort()).toEqual([ids[21], ids[22]].sort());
    expect((await list(m.commissioner, "?q=%25")).meta.total).toBe(0);
  });

  it("should search a provider's invitations by reference only, never by the child's reference, and never show drafts", async () => {
    const provider = m.providers[0]!.person;
    const all = await list(provider, "");
    expect(all.meta.total).toBe(22);
    expect((await list(provider, `?q=${encodeURIComponent(childReference)}`)).meta.total).toBe(0);
    expect((await list(provider, `?q=PR-${ids[3]!.slice(0, 8)}`)).data.map((r) => r.id)).toEqual([ids[3]]);
    expect((await list(provider, "?status=draft")).meta.total).toBe(0);
    expect((await list(m.otherCommissioner, "")).meta.total).toBe(0);
  });

  it.each([
    ["page=-1", "query.page"],
    ["page=0", "query.page"],
    ["page=99999999999", "query.page"],
    ["page=two", "query.page"],
    ["q=%00", "query.q"],
    ["q=half%20an%20emoji%20%EF%BF%BD", "query.q"],
    [`q=${"x".repeat(101)}`, "query.q"],
    ["status=someday", "query.status.0"],
    ["sort=name", ""],
  ])("should refuse ?%s with a 400 naming the field", async (qs, path) => {
    const res = await request(t.app).get(`/api/v1/placement-requests?${qs}`).set(m.commissioner.auth);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_error");
    if (path) expect((res.body.issues as { path: string }[]).map((i) => i.path)).toContain(path);
  });
});
