import request from "supertest";
import { RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { buildMarket, type Market, offerBody, openRequest } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

// Issue 11, hole 3: a provider who sends a rival's setting or offer id to a response route must
// get the same answer whatever the rival has done, or the answers tell it who has offered.

let t: TestApp;
let m: Market;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  m = await buildMarket(t.database.handle.db, { providers: 2 });
});
afterAll(() => t.close());

const me = () => m.providers[0]!.person;
const rival = () => m.providers[1]!;
const post = (who: BuiltUser, path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body);
const answer = (res: request.Response) => ({ status: res.status, code: res.body.code as string, message: res.body.message as string });

/** What my attempts on the rival's setting and offer answer, with the rival in its current state. */
async function probe(requestId: string, rivalOfferId: string) {
  const base = `/api/v1/placement-requests/${requestId}`;
  return {
    decline: answer(await post(me(), `${base}/declines`, { settingId: rival().settingId, reason: "no_vacancy" })),
    offer: answer(await post(me(), `${base}/offers`, offerBody(rival().settingId))),
    withdraw: answer(await post(me(), `${base}/offers/${rivalOfferId}/withdraw`)),
    price: answer(
      await request(t.app)
        .put(`${base}/offers/${rivalOfferId}/price`)
        .set(me().auth)
        .send({ fee: { corePence: 1000, staffingPence: 0, therapiesPence: 0, otherPence: 0 } }),
    ),
  };
}

describe("Responding with another provider's setting or offer", () => {
  it("should answer 404 to every response route, the same whether the rival has viewed, offered, withdrawn or declined", async () => {
    const { request: made } = await openRequest(t.app, m);
    const base = `/api/v1/placement-requests/${made.id}`;
    // The rival's offer id, once it exists; before that, a well-formed id nobody has.
    const noOffer = "00000000-0000-4000-8000-000000000000";
    const answers = [await probe(made.id, noOffer)];

    const offered = await post(rival().person, `${base}/offers`, offerBody(rival().settingId));
    expect(offered.status).toBe(201);
    const rivalOfferId = offered.body.data.offerId as string;
    answers.push(await probe(made.id, rivalOfferId));

    expect((await post(rival().person, `${base}/offers/${rivalOfferId}/withdraw`)).status).toBe(200);
    answers.push(await probe(made.id, rivalOfferId));

    expect((await post(rival().person, `${base}/declines`, { settingId: rival().settingId, reason: "no_vacancy" })).status).toBe(200);
    answers.push(await probe(made.id, rivalOfferId));

    for (const a of answers) {
      expect(a).toEqual(answers[0]);
      for (const route of Object.values(a)) expect(route.status).toBe(404);
    }
    // And nothing of the rival's changed through my attempts.
    const rivalView = RequestViewResponseSchema.parse((await request(t.app).get(base).set(rival().person.auth)).body).data;
    expect(rivalView.invitations.map((i) => i.status)).toEqual(["declined"]);
  });

  it("should still tell a provider about its own offer: declining with an offer in is a 409 saying what to do", async () => {
    const { request: made } = await openRequest(t.app, m);
    const base = `/api/v1/placement-requests/${made.id}`;
    expect((await post(me(), `${base}/offers`, offerBody(m.providers[0]!.settingId))).status).toBe(201);
    const res = await post(me(), `${base}/declines`, { settingId: m.providers[0]!.settingId, reason: "no_vacancy" });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/Withdraw it first/);
  });
});
