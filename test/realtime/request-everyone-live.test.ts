// The events every watcher of a request gets (an answer to all, the close, the award) are sent
// once to several rooms at a time: each viewer still gets its own version, the same as its view.
import request from "supertest";
import { RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { evaluateViaApi } from "../factories/evaluation";
import { buildMarket, inSeconds, type Market, NO_STANDSTILL, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, type LiveClient, liveClient } from "./live-client";
import { type EventLog, pause, recordEvents, snapshotOf } from "./live-recorder";

let t: TestServer;
let m: Market;
const sockets: LiveClient[] = [];
const logs: EventLog[] = [];
const db = () => t.testApp.database.handle.db;

beforeAll(async () => {
  t = await startTestServer({ requireClient: false, seed: false });
  m = await buildMarket(db(), { providers: 3 });
});
afterEach(() => {
  sockets.splice(0).forEach((s) => s.disconnect());
  expect(logs.splice(0).flatMap((l) => l.problems)).toEqual([]);
});
afterAll(() => t.close());

async function watcher(who: BuiltUser, requestId: string) {
  const socket = liveClient(t.url, { token: who.token });
  const log = recordEvents(socket);
  sockets.push(socket);
  logs.push(log);
  await connected(socket);
  await snapshotOf(socket, requestId);
  return { socket, log };
}

const provider = (i: number) => m.providers[i]!;
const on = (id: string, path: string) => `/api/v1/placement-requests/${id}${path}`;
const restView = async (who: BuiltUser, id: string) => RequestViewResponseSchema.parse((await request(t.url).get(on(id, "")).set(who.auth)).body).data;

describe("Events to everyone watching a request", () => {
  it("should tell only the council and the asker of a question, then everyone of its answer, naming the asker to those two only", async () => {
    const { request: made } = await openRequest(t.testApp.app, m, { questionsCloseAt: inSeconds(1800) });
    const [council, asker, other] = [
      await watcher(m.commissioner, made.id),
      await watcher(provider(0).person, made.id),
      await watcher(provider(1).person, made.id),
    ];
    const asked = await request(t.url).post(on(made.id, "/clarifications")).set(provider(0).person.auth).send({ question: "Is there a quiet room?" });
    expect(asked.status).toBe(201);
    const id = asked.body.data.id as string;
    await council.log.waitFor("clarification:published", (p) => p.clarification.id === id);
    await asker.log.waitFor("clarification:published", (p) => p.clarification.id === id);
    await pause(200);
    expect(other.log.of("clarification:published")).toEqual([]);

    const answered = await request(t.url)
      .put(on(made.id, `/clarifications/${id}/answer`))
      .set(m.commissioner.auth)
      .send({ answer: "Yes, next to the classroom.", visibility: "all" });
    expect(answered.status).toBe(200);
    for (const [w, who] of [
      [council, m.commissioner],
      [asker, provider(0).person],
      [other, provider(1).person],
    ] as const) {
      const event = await w.log.waitFor("clarification:published", (p) => p.clarification.answer !== null);
      // The same clarification the viewer's own page shows, the asker's name included or not.
      expect(event.clarification).toEqual((await restView(who, made.id)).clarifications.find((c) => c.id === id));
    }
    expect((await council.log.waitFor("clarification:published", (p) => p.clarification.answer !== null)).clarification.askedBy).not.toBeNull();
    expect((await other.log.waitFor("clarification:published", (p) => p.clarification.answer !== null)).clarification.askedBy).toBeNull();
    expect(other.log.json()).not.toContain(provider(0).organisationId);
  });

  it("should tell everyone of the close once, and of a confirmed award whether it is theirs, each in one message with its state", async () => {
    const { request: made } = await openRequest(t.testApp.app, m, NO_STANDSTILL);
    const [council, winner, loser, silent] = [
      await watcher(m.commissioner, made.id),
      await watcher(provider(0).person, made.id),
      await watcher(provider(1).person, made.id),
      await watcher(provider(2).person, made.id),
    ];
    for (const i of [0, 1])
      expect(
        (
          await request(t.url)
            .post(on(made.id, "/offers"))
            .set(provider(i).person.auth)
            .send(offerBody(provider(i).settingId))
        ).status,
      ).toBe(201);
    await passDeadline(db(), made.id);
    for (const w of [council, winner, loser, silent]) await w.log.waitFor("request:closed", (p) => p.requestId === made.id, 2000);

    const opened = await restView(m.commissioner, made.id);
    const scores = opened.offers.flatMap((o) => opened.request.criteria.map((c) => ({ offerId: o.id, criterionId: c.id, score: 3 })));
    expect((await evaluateViaApi(t.url, m.commissioner.auth, made.id, scores)).status).toBe(200);
    const won = opened.offers.find((o) => o.settingId === provider(0).settingId)!;
    expect((await request(t.url).post(on(made.id, "/award")).set(m.commissioner.auth).send({ offerId: won.id, reasons: "Best quality." })).status).toBe(200);

    const yours = async (w: typeof council) => (await w.log.waitFor("request:awarded", (p) => p.requestId === made.id)).yours;
    expect([await yours(council), await yours(winner), await yours(loser), await yours(silent)]).toEqual([null, true, false, false]);
    await pause(200);
    for (const w of [council, winner, loser, silent]) {
      expect(w.log.of("request:closed").map((p) => p.state)).toEqual(["closed"]);
      expect(w.log.of("request:awarded").map((p) => p.state)).toEqual(["awarded"]);
      // The close and the award are their changes of state: one message each to every socket, no
      // request:updated after them (only the evaluation's, which has no event of its own).
      expect(w.log.of("request:updated").map((p) => p.state)).toEqual(["evaluated"]);
    }
    // The award said live matches the view's.
    expect((await restView(provider(0).person, made.id)).award).toMatchObject({ yours: true, confirmedAt: expect.any(String) });
  });
});
