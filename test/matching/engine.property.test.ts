import fc from "fast-check";
import { haversineKm } from "@shared/geo/distance";
import { MATCH_WEIGHTS, type MatchChild, type MatchSetting, rankMatches } from "@shared/matching";
import { MATCH_CRITERIA, type MatchRule } from "@shared/schemas/matching";
import { scenarioArbitrary } from "./engine-fixtures";

const everything = (settings: MatchSetting[]) => ({ limit: settings.length, explainExcluded: true });

/** The hard rules as the issue states them, written again here so the engine is checked against the text, not itself. */
function rulesBroken(child: MatchChild, s: MatchSetting): MatchRule[] {
  const broken: MatchRule[] = [];
  if (!s.lotNumbers.includes(child.lotNumber)) broken.push("lot");
  if (child.ageYears < s.ageLow || child.ageYears > s.ageHigh) broken.push("age");
  if (!(s.sexAdmitted === "mixed" || (child.sex === "female" ? s.sexAdmitted === "girls" : s.sexAdmitted === "boys"))) broken.push("sex");
  if (s.vacancies < 1) broken.push("vacancy");
  if (!s.needs.map((n) => n.code).includes(child.primaryNeed)) broken.push("primary_need");
  if (child.risks.some((r) => r.trajectory !== "historic" && !s.risksManaged.includes(r.code))) broken.push("risk");
  if (s.ofstedGrade === 4) broken.push("ofsted_inadequate");
  if (child.maxTravelKm !== null && !(child.home && s.location && haversineKm(child.home, s.location) <= child.maxTravelKm)) broken.push("distance");
  return broken;
}

describe("rankMatches (properties)", () => {
  it("should never match a setting that breaks a hard rule, and should list it as excluded with exactly the rules it breaks", () => {
    fc.assert(
      fc.property(scenarioArbitrary, ([child, settings]) => {
        const result = rankMatches(child, settings, everything(settings));
        const matched = new Set(result.matches.map((m) => m.settingId));
        const excluded = new Map(result.excluded?.map((e) => [e.settingId, e.reasons.map((r) => r.rule)]));
        for (const s of settings) {
          const broken = rulesBroken(child, s);
          expect(matched.has(s.id)).toBe(broken.length === 0);
          expect(excluded.get(s.id) ?? []).toEqual(broken);
        }
        expect(result.matches.length + (result.excluded?.length ?? 0)).toBe(settings.length);
      }),
      { numRuns: 300 },
    );
  });

  it("should never raise a setting's rank when it moves further from home, all else equal", () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), fc.double({ min: 1.01, max: 4, noNaN: true }), ([child, settings], pick, stretch) => {
        const home = child.home;
        const index = pick % settings.length;
        const moving = settings[index] as MatchSetting;
        fc.pre(home !== null && moving.location !== null);
        if (!home || !moving.location) return;
        // Stretch its offset from home: further along the same bearing (near enough at this scale).
        const further = {
          latitude: home.latitude + (moving.location.latitude - home.latitude) * stretch,
          longitude: home.longitude + (moving.location.longitude - home.longitude) * stretch,
        };
        fc.pre(haversineKm(home, further) > haversineKm(home, moving.location));
        const moved = settings.map((s, i) => (i === index ? { ...s, location: further } : s));
        const rankOf = (list: MatchSetting[]) => rankMatches(child, list, { limit: list.length }).matches.find((m) => m.settingId === moving.id)?.rank;
        const before = rankOf(settings);
        const after = rankOf(moved);
        if (before === undefined) expect(after).toBeUndefined();
        else if (after !== undefined) expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it("should give the same answer for the same input, whatever the order of the settings", () => {
    fc.assert(
      fc.property(
        scenarioArbitrary.chain(([child, settings]) =>
          fc.tuple(fc.constant(child), fc.constant(settings), fc.shuffledSubarray(settings, { minLength: settings.length, maxLength: settings.length })),
        ),
        fc.integer({ min: 1, max: 30 }),
        ([child, settings, shuffled], limit) => {
          const options = { limit, explainExcluded: true };
          expect(rankMatches(child, shuffled, options)).toEqual(rankMatches(child, settings, options));
          expect(rankMatches(child, settings, options)).toEqual(rankMatches(child, settings, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("should keep every criterion within [0, maxPoints], list them in order, and add them up to a score out of 100", () => {
    fc.assert(
      fc.property(scenarioArbitrary, ([child, settings]) => {
        const { matches } = rankMatches(child, settings, { limit: settings.length });
        matches.forEach((m, i) => {
          expect(m.rank).toBe(i + 1);
          expect(m.criteria.map((c) => c.criterion)).toEqual([...MATCH_CRITERIA]);
          for (const c of m.criteria) {
            expect(c.maxPoints).toBe(MATCH_WEIGHTS[c.criterion]);
            expect(c.points).toBeGreaterThanOrEqual(0);
            expect(c.points).toBeLessThanOrEqual(c.maxPoints);
            expect(c.reason.length).toBeGreaterThan(0);
          }
          expect(m.score).toBeCloseTo(
            m.criteria.reduce((sum, c) => sum + c.points, 0),
            6,
          );
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(100);
          if (i > 0) expect(m.score).toBeLessThanOrEqual(matches[i - 1]?.score ?? Infinity);
        });
      }),
      { numRuns: 300 },
    );
  });
});
