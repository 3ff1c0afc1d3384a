import request from "supertest";
import { OcdsReleasePackageSchema } from "@shared/schemas/ocds";
import { type RequestView, RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { requestReference } from "@shared/tenders/request-reference";
import { closeDueRequests } from "../../server/src/modules/placement-requests/commands/close-due";
import { evaluateViaApi } from "../factories/evaluation";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import { endStandstill } from "../factories/request-stages";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let m: Market;
const db = () => t.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false, env: { OCDS_OCID_PREFIX: "ocds-test2" } });
  m = await buildMarket(db(), { providers: 3 });
});
afterAll(() => t.close());

const post = (who: BuiltUser, path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body);
const view = async (who: BuiltUser, id: string): Promise<RequestView> => {
  const res = await request(t.app).get(`/api/v1/placement-requests/${id}`).set(who.auth);
  expect(res.status).toBe(200);
  return RequestViewResponseSchema.parse(res.body).data;
};
const on = (id: string, step: string) => `/api/v1/placement-requests/${id}${step}`;
const ocdsReleasesOf = async (id: string) =>
  OcdsReleasePackageSchema.parse((await request(t.app).get("/api/v1/open-data/ocds")).body).releases.filter((r) => r.ocid === `ocds-test2-${id}`);
const toldAbout = (id: string, userId: string) =>
  query<{ title: string; body: string }>(
    "SELECT title, body FROM notifications WHERE kind = 'outcome' AND about LIKE '%' || $1 || '%' AND user_id = $2 ORDER BY created_at",
    [id, userId],
  );

/** A request (8 days of standstill by default) with offers from providers 0 (stronger, dearer) and 1, evaluated. */
async function evaluatedRequest(): Promise<{ id: string; winner: string; loser: string }> {
  const { request: made } = await openRequest(t.app, m, { settingIds: m.providers.map((p) => p.settingId) });
  for (const [i, core] of [
    [0, 150000],
    [1, 90000],
  ] as const) {
    const p = m.providers[i]!;
    const res = await post(
      p.person,
      on(made.id, "/offers"),
      offerBody(p.settingId, { fee: { corePence: core, staffingPence: 0, therapiesPence: 0, otherPence: 0 } }),
    );
    expect(res.status).toBe(201);
  }
  await passDeadline(db(), made.id);
  await closeDueRequests(db());
  const opened = await view(m.commissioner, made.id);
  const offerOf = (i: number) => opened.offers.find((o) => o.settingId === m.providers[i]!.settingId)!.id;
  const scores = opened.request.criteria.flatMap((c) => [
    { offerId: offerOf(0), criterionId: c.id, score: 5 },
    { offerId: offerOf(1), criterionId: c.id, score: 2 },
  ]);
  expect((await evaluateViaApi(t.app, m.commissioner.auth, made.id, scores)).status).toBe(200);
  return { id: made.id, winner: offerOf(0), loser: offerOf(1) };
}

describe("Making a request with a standstill period", () => {
  it("should keep 8 calendar days by default and record a chosen period with the request, audited", async () => {
    const { request: made } = await openRequest(t.app, m);
    expect((await view(m.commissioner, made.id)).request).toMatchObject({ standstillDays: 8, standstillReason: null, reference: requestReference(made.id) });
    const { request: ten } = await openRequest(t.app, m, { standstillDays: 10 });
    expect((await view(m.providers[0]!.person, ten.id)).request.standstillDays).toBe(10);
    const [audit] = await query<{ details: { standstillDays: number } }>(
      "SELECT details FROM audit_log WHERE record_id = $1 AND action = 'placement_request.open'",
      [ten.id],
    );
    expect(audit?.details.standstillDays).toBe(10);
  });

  it("should refuse no standstill without a reason, and more than 30 days, with 400 naming each field", async () => {
    const none = await post(m.commissioner, "/api/v1/placement-requests", {
      childId: m.childId,
      inviteAll: true,
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
      standstillDays: 0,
    });
    expect(none.status).toBe(400);
    expect(none.body.issues).toEqual([
      expect.objectContaining({ path: "body.standstillReason", message: expect.stringContaining("Say why there is no standstill") }),
    ]);
    const long = await post(m.commissioner, "/api/v1/placement-requests", {
      childId: m.childId,
      inviteAll: true,
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
      standstillDays: 31,
    });
    expect(long.status).toBe(400);
    expect(long.body.issues).toEqual([expect.objectContaining({ path: "body.standstillDays", message: "The standstill period must be 30 days or fewer" })]);
  });

  it("should store and audit the reason for no standstill", async () => {
    const { request: made } = await openRequest(t.app, m, { standstillDays: 0, standstillReason: "The child must move tomorrow." });
    expect((await view(m.commissioner, made.id)).request).toMatchObject({ standstillDays: 0, standstillReason: "The child must move tomorrow." });
    const [audit] = await query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE record_id = $1 AND action = 'placement_request.open'",
      [made.id],
    );
    expect(audit?.details).toMatchObject({ standstillDays: 0, standstillReason: "The child must move tomorrow." });
  });
});

describe("POST /api/v1/placement-requests/:id/award (the intention to award)", () => {
  let r: { id: string; winner: string; loser: string };
  beforeAll(async () => {
    r = await evaluatedRequest();
  });

  it("should record the intention with its standstill end, make no placement and publish nothing yet", async () => {
    const res = await post(m.commissioner, on(r.id, "/award"), { offerId: r.winner, reasons: "Highest quality; meets section F in full." });
    expect(res.status).toBe(200);
    const council = RequestViewResponseSchema.parse(res.body).data;
    expect(council.request.state).toBe("standstill");
    expect(council.placement).toBeNull();
    expect(council.award).toMatchObject({ offerId: r.winner, confirmedAt: null, successfulProviderName: expect.stringMatching(/^Provider 1 /) });
    // Midnight at the end of the 8th calendar day from today, in London.
    const [expected] = await query<{ ends: Date }>(
      "SELECT (((clock_timestamp() AT TIME ZONE 'Europe/London')::date + 9)::timestamp AT TIME ZONE 'Europe/London') AS ends",
    );
    expect(council.award!.standstillEndsAt).toBe(new Date(expected!.ends).toISOString());
    expect(await query("SELECT 1 FROM placements WHERE request_id = $1", [r.id])).toHaveLength(0);
    expect(await ocdsReleasesOf(r.id)).toEqual([]);
    const audits = await query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1 AND action = 'placement_request.standstill'", [r.id]);
    expect(audits).toHaveLength(1);
  });

  it("should show each provider that offered its own outcome and scores, and the others the successful provider's name only", async () => {
    const winner = await view(m.providers[0]!.person, r.id);
    expect(winner.award).toMatchObject({ yours: true, offerId: r.winner, nextSteps: null });
    expect(winner.evaluation.map((e) => e.offerId)).toEqual([r.winner]);
    const loser = await view(m.providers[1]!.person, r.id);
    expect(loser.award).toMatchObject({ yours: false, offerId: null, successfulProviderName: winner.award!.successfulProviderName });
    expect(loser.evaluation.map((e) => [e.offerId, e.rank])).toEqual([[r.loser, 2]]);
    expect(JSON.stringify(loser)).not.toContain(r.winner);
    expect(JSON.stringify(loser)).not.toContain("150000");
  });

  it("should tell every provider that offered, each with its own rank and quality score, and not one that did not offer", async () => {
    const [won] = await toldAbout(r.id, m.providers[0]!.person.user.id);
    expect(won?.title).toContain(`intends to award request ${requestReference(r.id)} to your offer`);
    expect(won?.body).toContain("Your offer ranked 1 of 2, with a quality score of 70 out of 70.");
    const [lost] = await toldAbout(r.id, m.providers[1]!.person.user.id);
    expect(lost?.title).toContain("to another provider");
    expect(lost?.body).toContain("Your offer ranked 2 of 2, with a quality score of 28 out of 70.");
    expect(lost?.body).toContain((await view(m.providers[1]!.person, r.id)).award!.successfulProviderName);
    expect(lost?.body).not.toContain("ranked 1 of 2");
    expect(await toldAbout(r.id, m.providers[2]!.person.user.id)).toEqual([]);
  });

  it("should refuse the confirmation before the standstill ends with 409 saying when it ends, in words", async () => {
    const early = await post(m.commissioner, on(r.id, "/award/confirm"));
    expect(early.status).toBe(409);
    expect(early.body.reason).toBe("standstill_running");
    expect(early.body.message).toMatch(
      /^The standstill period ends at midnight at the end of [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} \(UK time\)\. You can confirm the award after that\.$/,
    );
    expect((await view(m.commissioner, r.id)).request.state).toBe("standstill");
  });

  it("should not let a provider confirm (403), nor another council see it (404)", async () => {
    await endStandstill(db(), r.id);
    expect((await post(m.providers[0]!.person, on(r.id, "/award/confirm"))).status).toBe(403);
    expect((await post(m.otherCommissioner, on(r.id, "/award/confirm"))).status).toBe(404);
    expect((await post(m.otherCommissioner, on(r.id, "/award/withdraw"), { reason: "Not ours." })).status).toBe(404);
    expect((await view(m.commissioner, r.id)).request.state).toBe("standstill");
  });

  it("should confirm after the standstill: the placement is made, the award reaches open data and every provider is told", async () => {
    const res = await post(m.commissioner, on(r.id, "/award/confirm"));
    expect(res.status).toBe(200);
    const council = RequestViewResponseSchema.parse(res.body).data;
    expect(council.request.state).toBe("awarded");
    expect(council.placement).toMatchObject({ weeklyFeePence: 150000, settingId: m.providers[0]!.settingId });
    expect(council.award!.confirmedAt).not.toBeNull();
    expect((await ocdsReleasesOf(r.id)).map((rel) => rel.tag)).toEqual([["tender"], ["award"], ["contract"]]);
    expect((await toldAbout(r.id, m.providers[0]!.person.user.id)).map((n) => n.title)).toContain(`You are awarded request ${requestReference(r.id)}`);
    expect((await toldAbout(r.id, m.providers[1]!.person.user.id)).map((n) => n.title)).toContain(
      `Request ${requestReference(r.id)} is awarded to another provider`,
    );
    expect((await post(m.commissioner, on(r.id, "/award/confirm"))).status).toBe(409);
  });

  it("should give the winner its next steps with the council's contact, and no one else", async () => {
    await query(
      "UPDATE organisations SET contact_email = 'placements@council.example', contact_phone = '0161 000 0000' WHERE id = (SELECT organisation_id FROM placement_requests WHERE id = $1)",
      [r.id],
    );
    const winner = await view(m.providers[0]!.person, r.id);
    expect(winner.award!.nextSteps).toMatchObject({
      contactEmail: "placements@council.example",
      contactPhone: "0161 000 0000",
      weeklyFeePence: 150000,
      startDate: winner.placement!.startDate,
    });
    expect((await view(m.providers[1]!.person, r.id)).award!.nextSteps).toBeNull();
    expect((await view(m.commissioner, r.id)).award!.nextSteps).toBeNull();
  });
});

describe("POST /api/v1/placement-requests/:id/award/withdraw", () => {
  it("should need a reason (400), then take the request back to evaluated, audited, with every provider that offered told", async () => {
    const r = await evaluatedRequest();
    expect((await post(m.commissioner, on(r.id, "/award"), { offerId: r.winner, reasons: "Best quality." })).status).toBe(200);
    const empty = await post(m.commissioner, on(r.id, "/award/withdraw"), { reason: "" });
    expect(empty.status).toBe(400);
    expect(empty.body.issues).toEqual([expect.objectContaining({ path: "body.reason" })]);
    expect((await post(m.providers[0]!.person, on(r.id, "/award/withdraw"), { reason: "Mine." })).status).toBe(403);

    const res = await post(m.commissioner, on(r.id, "/award/withdraw"), { reason: "The start date no longer works for the family." });
    expect(res.status).toBe(200);
    const council = RequestViewResponseSchema.parse(res.body).data;
    expect(council.request.state).toBe("evaluated");
    expect(council.award).toBeNull();
    const loser = await view(m.providers[1]!.person, r.id);
    expect(loser.request.intentionWithdrawnReason).toBe("The start date no longer works for the family.");
    // The council reads who withdrew it; a provider only that the council did.
    expect(council.request).toMatchObject({
      intentionWithdrawnBy: m.commissioner.user.displayName,
      intentionWithdrawnReason: "The start date no longer works for the family.",
    });
    expect(loser.request.intentionWithdrawnBy).toBeNull();
    for (const i of [0, 1]) {
      expect((await toldAbout(r.id, m.providers[i]!.person.user.id)).map((n) => n.title)).toContain(
        `The intention to award request ${requestReference(r.id)} is withdrawn`,
      );
    }
    const [audit] = await query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE record_id = $1 AND action = 'award.intention_withdrawn'",
      [r.id],
    );
    expect(audit?.details).toMatchObject({ offerId: r.winner, reason: "The start date no longer works for the family." });
    expect((await post(m.commissioner, on(r.id, "/award/confirm"))).status).toBe(409);

    // Awarded again, to the other offer: a new intention, told again.
    expect((await post(m.commissioner, on(r.id, "/award"), { offerId: r.loser, reasons: "Now the better fit." })).status).toBe(200);
    expect((await view(m.providers[1]!.person, r.id)).award).toMatchObject({ yours: true });
  });
});

describe("The provider inbox", () => {
  it("should say Successful to the winner and Unsuccessful to the other provider that offered, from the intention on", async () => {
    const r = await evaluatedRequest();
    expect((await post(m.commissioner, on(r.id, "/award"), { offerId: r.winner, reasons: "Best quality." })).status).toBe(200);
    const line = async (who: BuiltUser) => {
      const res = await request(t.app).get("/api/v1/placement-requests").set(who.auth);
      return (res.body.data as { id: string; yourOutcome: string | null; reference: string }[]).find((l) => l.id === r.id);
    };
    expect(await line(m.providers[0]!.person)).toMatchObject({ yourOutcome: "successful", reference: requestReference(r.id) });
    expect(await line(m.providers[1]!.person)).toMatchObject({ yourOutcome: "unsuccessful" });
    expect(await line(m.providers[2]!.person)).toMatchObject({ yourOutcome: null });
  });
});
