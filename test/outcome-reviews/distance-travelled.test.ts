import fc from "fast-check";
import { PDS_RISK_CODES } from "@shared/codes/directory";
import { INCIDENT_KINDS, REVIEW_RISK_TRAJECTORIES } from "@shared/codes/outcomes";
import { type DistanceOutcome, type DistanceReview, distanceTravelled } from "@shared/insights/distance-travelled";
import { DistanceTravelledSchema } from "@shared/schemas/outcome-reviews";

const START = "2026-01-05";
const day = (offset: number) => new Date(Date.parse(`${START}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const none = { missingEpisodes: 0, exclusions: 0, policeContacts: 0, physicalInterventions: 0, hospitalAdmissions: 0 };
const outcome = (id: string, position: number, retired = false): DistanceOutcome => ({ id, statement: `Outcome ${position}`, position, retired });
const review = (over: Partial<DistanceReview>): DistanceReview => ({
  kind: "review",
  status: "submitted",
  reviewDate: START,
  scores: [],
  incidents: none,
  risks: [],
  ...over,
});
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const P = "00000000-0000-4000-8000-000000000001";

describe("distanceTravelled (examples)", () => {
  it("should give nothing to chart before any review is submitted", () => {
    const result = distanceTravelled({
      placementId: P,
      startDate: START,
      outcomes: [outcome(A, 1)],
      reviews: [review({ kind: "baseline", status: "draft", scores: [{ outcomeId: A, score: 2 }] })],
    });
    expect(result).toEqual({
      placementId: P,
      baselineDate: null,
      reviewDates: [],
      outcomes: [{ outcomeId: A, statement: "Outcome 1", baseline: null, points: [] }],
      incidentRates: [],
      risks: [],
      meanChange: null,
    });
  });

  it("should measure each outcome's change from the baseline, and the mean over outcomes scored at both ends", () => {
    const result = distanceTravelled({
      placementId: P,
      startDate: START,
      outcomes: [outcome(B, 2), outcome(A, 1)],
      reviews: [
        review({ reviewDate: day(84), scores: [{ outcomeId: A, score: 5 }] }),
        review({
          reviewDate: day(42),
          scores: [
            { outcomeId: A, score: 3 },
            { outcomeId: B, score: 2 },
          ],
        }),
        review({
          kind: "baseline",
          reviewDate: day(0),
          scores: [
            { outcomeId: A, score: 1 },
            { outcomeId: B, score: 1 },
          ],
        }),
      ],
    });
    expect(result.reviewDates).toEqual([day(42), day(84)]);
    expect(result.outcomes).toEqual([
      {
        outcomeId: A,
        statement: "Outcome 1",
        baseline: 1,
        points: [
          { reviewDate: day(42), score: 3, change: 2 },
          { reviewDate: day(84), score: 5, change: 4 },
        ],
      },
      {
        outcomeId: B,
        statement: "Outcome 2",
        baseline: 1,
        points: [
          { reviewDate: day(42), score: 2, change: 1 },
          { reviewDate: day(84), score: null, change: null },
        ],
      },
    ]);
    // A's latest change is 4, B's (its latest score, at day 42) is 1.
    expect(result.meanChange).toBe(2.5);
  });

  it("should rate incidents per 4 weeks of the time since the previous review, from the start when there is no baseline", () => {
    const result = distanceTravelled({
      placementId: P,
      startDate: START,
      outcomes: [],
      reviews: [
        review({ reviewDate: day(14), incidents: { ...none, exclusions: 1 } }),
        review({ reviewDate: day(14), incidents: { ...none, exclusions: 5 } }),
        review({ reviewDate: day(35), incidents: { ...none, missingEpisodes: 2, hospitalAdmissions: 1 } }),
      ],
    });
    expect(result.incidentRates).toEqual([
      { reviewDate: day(14), weeks: 2, per4Weeks: { ...none, exclusions: 2 }, total: 2 },
      // The second review of day 14 covers no time: no rate. Day 14 to 35 is 3 weeks.
      { reviewDate: day(35), weeks: 3, per4Weeks: { ...none, missingEpisodes: 2.67, hospitalAdmissions: 1.33 }, total: 4 },
    ]);
  });

  it("should keep a retired outcome while a submitted review scored it, after the current ones, and drop it otherwise", () => {
    const C = "00000000-0000-4000-8000-00000000000c";
    const result = distanceTravelled({
      placementId: P,
      startDate: START,
      outcomes: [outcome(A, 1, true), outcome(B, 2), outcome(C, 1, true)],
      reviews: [review({ kind: "baseline", scores: [{ outcomeId: A, score: 2 }] })],
    });
    expect(result.outcomes.map((o) => o.outcomeId)).toEqual([B, A]);
  });
});

const dayOffset = fc.integer({ min: 0, max: 730 });
const scoreArb = fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>;
const incidentsArb = fc.record(
  Object.fromEntries(INCIDENT_KINDS.map((k) => [k, fc.nat({ max: 40 })])) as Record<(typeof INCIDENT_KINDS)[number], fc.Arbitrary<number>>,
);
const scenario = fc
  .uniqueArray(fc.uuid(), { minLength: 0, maxLength: 6 })
  .chain((ids) => {
    const outcomes = fc.tuple(...ids.map((id, i) => fc.boolean().map((retired) => outcome(id, i + 1, retired))));
    const scores =
      ids.length === 0
        ? fc.constant([])
        : fc.subarray(ids).chain((chosen) => fc.tuple(...chosen.map((outcomeId) => scoreArb.map((score) => ({ outcomeId, score })))));
    const reviewArb = (kind: "baseline" | "review") =>
      fc.record({
        kind: fc.constant(kind),
        status: fc.constantFrom("draft", "submitted") as fc.Arbitrary<"draft" | "submitted">,
        reviewDate: dayOffset.map(day),
        scores,
        incidents: incidentsArb,
        risks: fc.uniqueArray(fc.record({ code: fc.constantFrom(...PDS_RISK_CODES), trajectory: fc.constantFrom(...REVIEW_RISK_TRAJECTORIES) }), {
          selector: (r) => r.code,
          maxLength: 4,
        }),
      });
    return fc.record({
      outcomes: outcomes.map((o) => [...o]),
      baseline: fc.option(reviewArb("baseline"), { nil: undefined }),
      reviews: fc.array(reviewArb("review"), { maxLength: 6 }),
    });
  })
  .map(({ outcomes, baseline, reviews }) => ({ placementId: P, startDate: START, outcomes, reviews: baseline ? [baseline, ...reviews] : reviews }));

describe("distanceTravelled (properties)", () => {
  it("should keep to the response contract, and ignore drafts entirely", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = distanceTravelled(input);
        expect(DistanceTravelledSchema.safeParse(result).success).toBe(true);
        expect(distanceTravelled({ ...input, reviews: input.reviews.filter((r) => r.status === "submitted") })).toEqual(result);
      }),
    );
  });

  it("should give every point's change as its score less the baseline, and the mean of the latest changes", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = distanceTravelled(input);
        const latest: number[] = [];
        for (const row of result.outcomes) {
          for (const point of row.points) expect(point.change).toBe(point.score !== null && row.baseline !== null ? point.score - row.baseline : null);
          const last = row.points.filter((pt) => pt.score !== null).at(-1);
          if (last?.change !== null && last?.change !== undefined) latest.push(last.change);
        }
        const mean = latest.length === 0 ? null : latest.reduce((a, b) => a + b, 0) / latest.length;
        if (mean === null) expect(result.meanChange).toBeNull();
        else expect(Math.abs(result.meanChange! - mean)).toBeLessThanOrEqual(0.005);
        // Every current outcome is charted; a retired one only if a submitted review scored it.
        for (const o of input.outcomes.filter((o) => !o.retired)) expect(result.outcomes.map((r) => r.outcomeId)).toContain(o.id);
      }),
    );
  });

  it("should rate each kind of incident as its count over the days since the previous submitted review, times 28", () => {
    const daysFrom = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    fc.assert(
      fc.property(scenario, (input) => {
        const result = distanceTravelled(input);
        const submitted = input.reviews.filter((r) => r.status === "submitted");
        const later = submitted.filter((r) => r.kind === "review").sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
        let previous = submitted.find((r) => r.kind === "baseline")?.reviewDate ?? START;
        const expected = later.flatMap((r) => {
          const days = daysFrom(previous, r.reviewDate);
          previous = r.reviewDate;
          if (days <= 0) return [];
          const total = INCIDENT_KINDS.reduce((sum, k) => sum + (r.incidents?.[k] ?? 0), 0);
          return [{ reviewDate: r.reviewDate, days, rates: INCIDENT_KINDS.map((k) => ((r.incidents?.[k] ?? 0) / days) * 28), total: (total / days) * 28 }];
        });
        expect(result.incidentRates.map((r) => r.reviewDate)).toEqual(expected.map((e) => e.reviewDate));
        result.incidentRates.forEach((rate, i) => {
          const want = expected[i]!;
          expect(Math.abs(rate.weeks - want.days / 7)).toBeLessThanOrEqual(0.005);
          INCIDENT_KINDS.forEach((k, j) => expect(Math.abs(rate.per4Weeks[k] - want.rates[j]!)).toBeLessThanOrEqual(0.005 + 1e-9));
          expect(Math.abs(rate.total - want.total)).toBeLessThanOrEqual(0.005 + 1e-9);
        });
        expect(result.reviewDates).toEqual(later.map((r) => r.reviewDate));
      }),
    );
  });
});
