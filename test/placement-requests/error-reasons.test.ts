import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

// `code` stays the HTTP class every client handles; `reason` names the rule that refused, so a
// client never has to read the message (written for people) to decide what to do.
let t: TestApp;
let m: Market;
const db = () => t.database.handle.db;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  m = await buildMarket(db(), { providers: 2 });
});
afterAll(() => t.close());

const post = (who: BuiltUser, path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body);
const offer = (i: number, id: string, overrides: Record<string, unknown> = {}) =>
  post(m.providers[i]!.person, `/api/v1/placement-requests/${id}/offers`, offerBody(m.providers[i]!.settingId, overrides));
const refusal = (res: request.Response) => ({ status: res.status, ...ApiErrorSchema.pick({ code: true, reason: true }).parse(res.body) });

describe("Domain error reasons on placement requests", () => {
  it("should name a closed request, a declined invitation and a withdrawn offer", async () => {
    const { request: made } = await openRequest(t.app, m);
    await post(m.providers[1]!.person, `/api/v1/placement-requests/${made.id}/declines`, { settingId: m.providers[1]!.settingId, reason: "no_vacancy" });
    expect(refusal(await offer(1, made.id))).toEqual({ status: 409, code: "conflict", reason: "invitation_declined" });

    const receipt = await offer(0, made.id);
    expect(receipt.status).toBe(201);
    const withdraw = `/api/v1/placement-requests/${made.id}/offers/${receipt.body.data.offerId}/withdraw`;
    expect(
      refusal(
        await post(m.providers[0]!.person, `/api/v1/placement-requests/${made.id}/declines`, { settingId: m.providers[0]!.settingId, reason: "no_vacancy" }),
      ),
    ).toEqual({ status: 409, code: "conflict", reason: "offer_active" });
    expect((await post(m.providers[0]!.person, withdraw)).status).toBe(200);
    expect(refusal(await post(m.providers[0]!.person, withdraw))).toEqual({ status: 409, code: "conflict", reason: "offer_withdrawn" });

    await passDeadline(db(), made.id);
    expect(refusal(await offer(0, made.id))).toEqual({ status: 409, code: "conflict", reason: "request_closed" });
  });

  it("should name who may act (403) and a step the state does not allow (409)", async () => {
    const { request: made } = await openRequest(t.app, m);
    expect(refusal(await post(m.commissioner, `/api/v1/placement-requests/${made.id}/offers`, offerBody(m.providers[0]!.settingId)))).toEqual({
      status: 403,
      code: "forbidden",
      reason: "not_invited",
    });
    expect(refusal(await post(m.providers[0]!.person, `/api/v1/placement-requests/${made.id}/cancel`, { reason: "Not ours to cancel." }))).toEqual({
      status: 403,
      code: "forbidden",
      reason: "not_buyer",
    });
    expect(refusal(await post(m.commissioner, `/api/v1/placement-requests/${made.id}/award`, { offerId: made.id, reasons: "x" }))).toEqual({
      status: 409,
      code: "conflict",
      reason: "wrong_state",
    });
    expect(
      refusal(await post(m.commissioner, `/api/v1/placement-requests/${made.id}/price-round`, { closesAt: new Date(Date.now() + 60_000).toISOString() })),
    ).toEqual({ status: 409, code: "conflict", reason: "wrong_mode" });
  });

  it("should name a missing justification above the band's ceiling, beside its field", async () => {
    const { request: made } = await openRequest(t.app, m);
    const res = await offer(0, made.id, { fee: { corePence: 250000, staffingPence: 0, therapiesPence: 0, otherPence: 0 } });
    expect(refusal(res)).toEqual({ status: 400, code: "validation_error", reason: "justification_required" });
    expect(res.body.issues).toEqual([{ path: "body.justification", message: expect.any(String) }]);
  });

  it("should leave errors without a domain rule as they were (no reason)", async () => {
    const { request: made } = await openRequest(t.app, m);
    const res = await post(m.outsider, `/api/v1/placement-requests/${made.id}/offers`, offerBody(m.providers[0]!.settingId));
    expect(res.status).toBe(404);
    expect(res.body.reason).toBeUndefined();
  });
});
