import request from "supertest";
import { ReviewTotalsSchema, ReviewWatchAckSchema } from "@shared/events";
import { ReviewRoundResponseSchema } from "@shared/schemas/review-rounds";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildReviewRound } from "../factories/review-rounds";
import { buildUser } from "../factories/users";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, type LiveClient, liveClient } from "./live-client";

let t: TestServer;
const sockets: LiveClient[] = [];
beforeAll(async () => {
  t = await startTestServer({ requireClient: false, seed: false });
});
afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
afterAll(() => t.close());

describe("Live review rounds (/live review:watch)", () => {
  it("should show a vote's new totals and a new comment to another panel member watching the round, without reloading", async () => {
    const db = t.testApp.database.handle.db;
    const regionId = (await buildRegion(db)).id;
    const forumId = (await buildOrganisation(db, { kind: "parent_forum", regionId })).id;
    const voter = await buildUser(db, { role: "parent_panel", organisationId: forumId });
    const watcher = await buildUser(db, { role: "parent_panel", organisationId: forumId });
    const outsider = await buildUser(db, { role: "parent_panel", regionId });
    const { round } = await buildReviewRound(db, { regionId, forumIds: [forumId] });

    const socket = await connected(liveClient(t.url, { token: watcher.token }));
    sockets.push(socket);
    const ack = ReviewWatchAckSchema.parse(await socket.timeout(3000).emitWithAck("review:watch", { roundId: round.id }));
    if (!ack.ok) throw new Error(ack.message);
    expect(ack.totals.proposals[0]?.totals).toEqual({ for: 0, against: 0, abstain: 0 });

    const next = new Promise((resolve) => socket.once("review:totals", resolve));
    const detail = ReviewRoundResponseSchema.parse((await request(t.url).get(`/api/v1/review-rounds/${round.id}`).set(voter.auth)).body).data;
    expect(
      (await request(t.url).put(`/api/v1/review-rounds/${round.id}/proposals/${detail.proposals[0]?.id}/vote`).set(voter.auth).send({ choice: "for" })).status,
    ).toBe(200);
    const totals = ReviewTotalsSchema.parse(await next);
    expect(totals.proposals[0]?.totals).toEqual({ for: 1, against: 0, abstain: 0 });
    expect(JSON.stringify(totals)).not.toContain(voter.user.id);

    const commentSeen = new Promise<{ comment: { body: string | null; forumName: string; mine: boolean } }>((resolve) =>
      socket.once("review:comment", resolve),
    );
    const sectionId = detail.sections[0]?.id;
    expect(
      (await request(t.url).post(`/api/v1/review-rounds/${round.id}/comments`).set(voter.auth).send({ sectionId, body: "Please add weekend visits." })).status,
    ).toBe(201);
    expect((await commentSeen).comment).toMatchObject({ body: "Please add weekend visits.", mine: false });

    const stranger = await connected(liveClient(t.url, { token: outsider.token }));
    sockets.push(stranger);
    expect(ReviewWatchAckSchema.parse(await stranger.timeout(3000).emitWithAck("review:watch", { roundId: round.id }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(ReviewWatchAckSchema.parse(await stranger.timeout(3000).emitWithAck("review:watch", { roundId: "nope" } as never))).toMatchObject({
      ok: false,
      code: "validation_error",
    });
  });
});
