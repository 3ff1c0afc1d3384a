import fc from "fast-check";
import request from "supertest";
import { type RequestView, RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { evaluateOffers, PRICE_FEEDBACK_STEP_PENCE, priceScoreRangeFor, providerFeedback } from "@shared/tenders/evaluate";
import { closeDueRequests } from "../../server/src/modules/placement-requests/commands/close-due";
import { evaluateViaApi } from "../factories/evaluation";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

// Issue 11, hole 5: a provider's exact price score, lowest ÷ own × weight, gave away the lowest
// fee after the award. A provider now learns a range from which the lowest fee cannot be known
// to within £50 a week.

/** Every lowest fee (to 50p, up to the provider's own) that would have shown the provider this range. */
function lowestFeesConsistentWith(ownPence: number, weight: number, shown: { low: number; high: number }): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let lowest = ownPence; lowest >= 1; lowest -= 50) {
    const r = priceScoreRangeFor(ownPence, lowest, weight);
    if (r.low === shown.low && r.high === shown.high) {
      min = Math.min(min, lowest);
      max = Math.max(max, lowest);
    }
  }
  return { min, max };
}

describe("A provider's price feedback (property)", () => {
  it("should never let the lowest fee be worked out within £50 a week from what a provider sees", () => {
    // From £200 a week (no placement costs less) to £6,000.
    const fee = fc.integer({ min: 20_000, max: 600_000 });
    fc.assert(
      fc.property(fc.array(fee, { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 100 }), fc.nat({ max: 5 }), (fees, priceWeight, mine) => {
        const offers = fees.map((weeklyFeePence, i) => ({ offerId: `00000000-0000-4000-8000-00000000000${i}`, weeklyFeePence, scores: { q: (i * 3) % 6 } }));
        const evaluation = evaluateOffers(offers, ["q"], { quality: 100 - priceWeight, price: priceWeight });
        const own = offers[mine % offers.length]!;
        const seen = providerFeedback(evaluation, own.offerId, priceWeight)!;
        const lowest = Math.min(...fees);
        const consistent = lowestFeesConsistentWith(own.weeklyFeePence, priceWeight, seen.priceScoreRange);
        // The true lowest is among them, and they span more than £100: any guess is £50 out for some.
        expect(lowest).toBeGreaterThanOrEqual(consistent.min - 50);
        expect(lowest).toBeLessThanOrEqual(consistent.max + 50);
        expect(consistent.max - consistent.min).toBeGreaterThanOrEqual(PRICE_FEEDBACK_STEP_PENCE - 100);
        expect(consistent.max - consistent.min).toBeGreaterThan(10_000);
        // The total's range is the quality score (exact) plus the price range: nothing more.
        const quality = evaluation.find((e) => e.offerId === own.offerId)!.qualityScore;
        expect(seen.totalRange.low).toBeCloseTo(quality + seen.priceScoreRange.low, 2);
        expect(seen.totalRange.high).toBeCloseTo(quality + seen.priceScoreRange.high, 2);
      }),
      { seed: 11, numRuns: 100 },
    );
  });
});

describe("Scores after the award (API)", () => {
  let t: TestApp;
  let m: Market;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    m = await buildMarket(t.database.handle.db, { providers: 2 });
  });
  afterAll(() => t.close());

  const view = async (who: BuiltUser, id: string): Promise<RequestView> =>
    RequestViewResponseSchema.parse((await request(t.app).get(`/api/v1/placement-requests/${id}`).set(who.auth)).body).data;
  const post = (who: BuiltUser, path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body);

  it("should give the council exact price scores, and each provider its rank, exact quality scores and only a range for price and total", async () => {
    const { request: made } = await openRequest(t.app, m);
    const fee = (corePence: number) => ({ fee: { corePence, staffingPence: 0, therapiesPence: 0, otherPence: 0 } });
    await post(m.providers[0]!.person, `/api/v1/placement-requests/${made.id}/offers`, offerBody(m.providers[0]!.settingId, fee(187_500)));
    await post(m.providers[1]!.person, `/api/v1/placement-requests/${made.id}/offers`, offerBody(m.providers[1]!.settingId, fee(123_456)));
    await passDeadline(t.database.handle.db, made.id);
    await closeDueRequests(t.database.handle.db);
    const opened = await view(m.commissioner, made.id);
    const scores = opened.request.criteria.flatMap((c) =>
      opened.offers.map((o) => ({ offerId: o.id, criterionId: c.id, score: o.settingId === m.providers[0]!.settingId ? 5 : 3 })),
    );
    const evaluated = RequestViewResponseSchema.parse((await evaluateViaApi(t.app, m.commissioner.auth, made.id, scores)).body).data;
    const winner = evaluated.evaluation.find((e) => e.rank === 1)!;
    expect((await post(m.commissioner, `/api/v1/placement-requests/${made.id}/award`, { offerId: winner.offerId, reasons: "Best quality." })).status).toBe(200);

    const council = await view(m.commissioner, made.id);
    // 30 x 123,456 / 187,500 = 19.75 exactly for the dearer offer.
    expect(council.evaluation.find((e) => e.weeklyFeePence === 187_500)).toMatchObject({ priceScore: 19.75, priceScoreRange: null });

    const dearer = await view(m.providers[0]!.person, made.id);
    const [row] = dearer.evaluation;
    expect(row).toMatchObject({ weeklyFeePence: 187_500, priceScore: null, total: null, rank: expect.any(Number), qualityScore: 70 });
    const range = row!.priceScoreRange!;
    expect(range.low).toBeLessThanOrEqual(19.75);
    expect(range.high).toBeGreaterThanOrEqual(19.75);
    // What the range says of the lowest fee: a window more than £100 wide.
    const [fromPence, toPence] = [(range.low / 30) * 187_500, (range.high / 30) * 187_500];
    expect(toPence - fromPence).toBeGreaterThan(10_000);
    expect(JSON.stringify(dearer)).not.toContain("123456");
    expect(JSON.stringify(dearer)).not.toContain("19.75");
  });
});
