import fc from "fast-check";
import { addDays } from "@shared/billing/dates";
import { type Period, type PeriodRule, periodsBetween } from "@shared/billing/periods";
import { accruedSevenths, type FeeHistory, periodDuePence, seventhsToPence } from "@shared/billing/pro-rata";
import { lineDescription, periodLabel } from "../../server/src/modules/payments/billing/describe";

/** The exact total of a history, in sevenths of a penny: every day's fee / 7, added up with no rounding. */
const exactSevenths = (h: FeeHistory, from: string, to: string) => accruedSevenths(h, addDays(to, 1)) - accruedSevenths(h, from);
/** Round half up, written again here from the rule's words (README) rather than taken from the code. */
const roundHalfUp = (sevenths: number) => Math.round(sevenths / 7 + 1e-9);

const day = (offset: number) => addDays("2026-01-01", offset);
const ruleArb: fc.Arbitrary<PeriodRule> = fc.oneof(
  fc.constant<PeriodRule>({ kind: "month", anchorDate: "2026-04-06" }),
  fc.integer({ min: -400, max: 400 }).map((o) => ({ kind: "four_weeks" as const, anchorDate: day(o) })),
);
const feeArb = fc.integer({ min: 1, max: 10_000_000 });
const historyArb: fc.Arbitrary<FeeHistory> = fc
  .record({
    start: fc.integer({ min: 0, max: 700 }),
    length: fc.integer({ min: 0, max: 500 }),
    ended: fc.boolean(),
    first: feeArb,
    changes: fc.array(fc.record({ at: fc.integer({ min: 0, max: 520 }), fee: feeArb }), { maxLength: 5 }),
  })
  .map(({ start, length, ended, first, changes }) => ({
    startDate: day(start),
    endDate: ended ? day(start + length) : null,
    // At most one fee a day, as placement_fees' key allows.
    fees: [
      { from: day(start), weeklyFeePence: first },
      ...changes.filter((c) => c.at > 0).map((c) => ({ from: day(start + c.at), weeklyFeePence: c.fee })),
    ].filter((f, i, all) => all.findIndex((g) => g.from === f.from) === i),
  }));

/** The periods billed by `until`, as compute picks them: those that have ended and overlap the placement. */
const periodsOf = (rule: PeriodRule, h: FeeHistory, until: string) =>
  periodsBetween(rule, h.startDate, h.endDate !== null && h.endDate < until ? h.endDate : until).filter((p) => p.end <= until);
/** The exact total of every day those periods hold (none when no period has ended yet). */
const exactBilled = (h: FeeHistory, periods: Period[]) => {
  const last = periods.at(-1)?.end;
  if (last === undefined) return 0;
  return exactSevenths(h, h.startDate, h.endDate !== null && h.endDate < last ? h.endDate : last);
};

describe("periodDuePence (properties)", () => {
  it("should add up over the periods to the exact total rounded once, with each period within a penny of its exact share", () => {
    fc.assert(
      fc.property(historyArb, ruleArb, (history, rule) => {
        const periods = periodsOf(rule, history, day(1300));
        const dues = periods.map((p) => periodDuePence(history, p));
        expect(dues.reduce((a, b) => a + b, 0)).toBe(roundHalfUp(exactBilled(history, periods)));
        periods.forEach((p, i) => {
          expect(Math.abs(7 * dues[i]! - exactSevenths(history, p.start, p.end))).toBeLessThanOrEqual(7);
          expect(dues[i]).toBeGreaterThanOrEqual(0);
        });
        expect(dues.reduce((a, b) => a + b, 0)).toBe(seventhsToPence(exactBilled(history, periods)));
      }),
      { numRuns: 400 },
    );
  });

  it("should end at the exact rounded total after a period was billed, the history changed (an end, a fee change) and each period was corrected", () => {
    const changeArb = fc.record({
      end: fc.option(fc.integer({ min: 0, max: 500 })),
      fee: fc.option(fc.record({ at: fc.integer({ min: 1, max: 500 }), fee: feeArb })),
    });
    fc.assert(
      fc.property(historyArb, ruleArb, changeArb, fc.integer({ min: 0, max: 1300 }), (before, rule, change, billedUntil) => {
        // First billed while the history was `before`, up to some day...
        const firstRun = new Map<string, { period: Period; pence: number }>();
        for (const p of periodsOf(rule, before, day(billedUntil))) firstRun.set(p.start, { period: p, pence: periodDuePence(before, p) });
        // ...then the placement ended (earlier or later) or its fee changed...
        const after: FeeHistory = {
          ...before,
          endDate: change.end === null ? before.endDate : addDays(before.startDate, change.end),
          fees: change.fee
            ? [
                ...before.fees.filter((f) => f.from !== addDays(before.startDate, change.fee!.at)),
                { from: addDays(before.startDate, change.fee.at), weeklyFeePence: change.fee.fee },
              ]
            : before.fees,
        };
        // ...then every period billed or now owed is corrected by the difference, as compute does.
        const periods = new Map(firstRun);
        const now = periodsOf(rule, after, day(1300));
        for (const p of now) if (!periods.has(p.start)) periods.set(p.start, { period: p, pence: 0 });
        let invoiced = 0;
        for (const { period, pence } of periods.values()) {
          const correction = periodDuePence(after, period) - pence;
          invoiced += pence + correction;
          expect(Math.abs(7 * (pence + correction) - exactSevenths(after, period.start, period.end))).toBeLessThanOrEqual(7);
        }
        expect(invoiced).toBe(roundHalfUp(exactBilled(after, now)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("periodDuePence (examples)", () => {
  const april: Period = { start: "2026-04-01", end: "2026-04-30" };
  const may: Period = { start: "2026-05-01", end: "2026-05-31" };

  it("should bill a full month at £700 a week as 31 days at £100", () => {
    expect(periodDuePence({ startDate: "2026-03-02", endDate: null, fees: [{ from: "2026-03-02", weeklyFeePence: 70_000 }] }, may)).toBe(31 * 10_000);
  });

  it("should bill a part month from the start and to the end, both days included", () => {
    const history: FeeHistory = { startDate: "2026-04-10", endDate: "2026-05-03", fees: [{ from: "2026-04-10", weeklyFeePence: 70_000 }] };
    expect(periodDuePence(history, april)).toBe(21 * 10_000);
    expect(periodDuePence(history, may)).toBe(3 * 10_000);
  });

  it("should bill a fee change part way at each fee for its own days", () => {
    const history: FeeHistory = {
      startDate: "2026-01-05",
      endDate: null,
      fees: [
        { from: "2026-01-05", weeklyFeePence: 70_000 },
        { from: "2026-04-16", weeklyFeePence: 77_000 },
      ],
    };
    expect(periodDuePence(history, april)).toBe(15 * 10_000 + 15 * 11_000);
  });

  it("should round the running total, so thirds of a penny never drift from period to period", () => {
    // £1,000 a week is £142.857142... a day: 30 days of April are £4,285.71 (4,285.714...), then May's 31
    // days are the running total at 61 days (£8,714.29) less April's: £4,428.58, not 4,428.57.
    const history: FeeHistory = { startDate: "2026-04-01", endDate: null, fees: [{ from: "2026-04-01", weeklyFeePence: 100_000 }] };
    expect(periodDuePence(history, april)).toBe(428_571);
    expect(periodDuePence(history, may)).toBe(871_429 - 428_571);
  });

  it("should describe a line by the setting, the period, the days and the fee, never by the child", () => {
    const history: FeeHistory = {
      startDate: "2026-04-10",
      endDate: null,
      fees: [
        { from: "2026-04-10", weeklyFeePence: 70_000 },
        { from: "2026-04-20", weeklyFeePence: 77_000 },
      ],
    };
    expect(lineDescription("Oak House", history, april, false)).toBe("Placement at Oak House, 1–30 Apr 2026, 21 days at £700.00 then £770.00 a week");
    expect(periodLabel({ start: "2026-04-06", end: "2026-05-03" })).toBe("6 Apr – 3 May 2026");
    expect(periodLabel({ start: "2025-12-29", end: "2026-01-25" })).toBe("29 Dec 2025 – 25 Jan 2026");
  });
});
