import fc from "fast-check";
import { RISK_TRAJECTORIES } from "@shared/codes/children";
import { PDS_RISK_CODES } from "@shared/codes/directory";
import { type NeedCode, NEEDS } from "@shared/codes/needs";
import { PRICE_BAND_CODES } from "@shared/codes/price-bands";
import type { MatchChild, MatchSetting } from "@shared/matching";

/** Manchester M14's district centre, about. */
export const M14 = { latitude: 53.4466, longitude: -2.2204 };
const NEED_CODES = NEEDS.map((n) => n.code) as NeedCode[];

/** A 12-year-old boy in M14 with autism (and speech and language needs), for lot 1, band C. */
export function aChild(overrides: Partial<MatchChild> = {}): MatchChild {
  return {
    ageYears: 12,
    sex: "male",
    lotNumber: 1,
    primaryNeed: "ASD",
    secondaryNeeds: ["SLCN"],
    risks: [],
    home: M14,
    maxTravelKm: null,
    preferredSettingId: null,
    priceBand: "C",
    ...overrides,
  };
}

let next = 0;
/** A setting that breaks no rule for aChild(): in M14, ASD specialist, Good, priced at 80% of the ceiling. */
export function aSetting(overrides: Partial<MatchSetting> = {}): MatchSetting {
  next++;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    name: `Setting ${next}`,
    organisationName: "Provider",
    town: "Manchester",
    outcode: "M14",
    lotNumbers: [1],
    ageLow: 5,
    ageHigh: 16,
    sexAdmitted: "mixed",
    vacancies: 1,
    needs: [{ code: "ASD", level: "specialist" }],
    risksManaged: [],
    ofstedGrade: 2,
    location: M14,
    bandPricePence: 200_000,
    bandCeilingPence: 250_000,
    feedback: null,
    ...overrides,
  };
}

// Around the North West, so distances run from 0 to a couple of hundred km.
const place = fc.record({ latitude: fc.double({ min: 53, max: 55, noNaN: true }), longitude: fc.double({ min: -3.5, max: -1.8, noNaN: true }) });
/** A few ids and names, so ties and the parental preference happen often. */
const ID_POOL = Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`);

export const childArbitrary: fc.Arbitrary<MatchChild> = fc
  .record({
    ageYears: fc.integer({ min: 0, max: 25 }),
    sex: fc.constantFrom("female" as const, "male" as const),
    lotNumber: fc.integer({ min: 1, max: 3 }),
    primaryNeed: fc.constantFrom(...NEED_CODES.slice(0, 4)),
    secondaryNeeds: fc.subarray(NEED_CODES.slice(0, 6), { maxLength: 3 }),
    risks: fc.uniqueArray(fc.record({ code: fc.constantFrom(...PDS_RISK_CODES.slice(0, 4)), trajectory: fc.constantFrom(...RISK_TRAJECTORIES) }), {
      selector: (r) => r.code,
      maxLength: 2,
    }),
    home: fc.option(place, { nil: null, freq: 8 }),
    maxTravelKm: fc.option(
      fc.oneof({ arbitrary: fc.double({ min: 30, max: 150, noNaN: true }), weight: 4 }, { arbitrary: fc.double({ min: 1, max: 30, noNaN: true }), weight: 1 }),
      { nil: null },
    ),
    preferredSettingId: fc.option(fc.constantFrom(...ID_POOL), { nil: null }),
    priceBand: fc.option(fc.constantFrom(...PRICE_BAND_CODES), { nil: null, freq: 4 }),
  })
  .map((c) => ({ ...c, secondaryNeeds: c.secondaryNeeds.filter((n) => n !== c.primaryNeed) }));

/** Mostly `fits`, sometimes anything: most settings pass each rule, so most runs rank several. */
const mostly = <T>(fits: fc.Arbitrary<T>, anything: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fits, weight: 6 }, { arbitrary: anything, weight: 1 });
const around = (centre: { latitude: number; longitude: number } | null) =>
  centre
    ? fc.record({
        latitude: fc.double({ min: centre.latitude - 0.4, max: centre.latitude + 0.4, noNaN: true }),
        longitude: fc.double({ min: centre.longitude - 0.6, max: centre.longitude + 0.6, noNaN: true }),
      })
    : place;

/** A setting for this child: each field usually meets the child's hard rules, now and then not. */
const settingFor = (child: MatchChild, id: fc.Arbitrary<string>): fc.Arbitrary<MatchSetting> =>
  fc
    .record({
      id,
      name: fc.constantFrom("Alder House", "Beech School", "Cedar College", "Alder House"),
      organisationName: fc.constant("Provider"),
      town: fc.constant("Town"),
      outcode: fc.option(fc.constantFrom("M14", "BL1"), { nil: null }),
      lotNumbers: mostly(
        fc.subarray([1, 2, 3]).map((lots) => [...new Set([child.lotNumber, ...lots])]),
        fc.subarray([1, 2, 3]),
      ),
      ageLow: mostly(fc.integer({ min: Math.max(0, child.ageYears - 6), max: child.ageYears }), fc.integer({ min: 0, max: 19 })),
      ageHigh: mostly(fc.integer({ min: child.ageYears, max: child.ageYears + 6 }), fc.integer({ min: 0, max: 25 })),
      sexAdmitted: mostly(
        fc.constantFrom("mixed" as const, child.sex === "female" ? ("girls" as const) : ("boys" as const)),
        fc.constantFrom("mixed" as const, "boys" as const, "girls" as const),
      ),
      vacancies: mostly(fc.integer({ min: 1, max: 3 }), fc.constant(0)),
      needs: fc.uniqueArray(
        fc.record({ code: fc.constantFrom(...NEED_CODES.slice(0, 6)), level: fc.constantFrom("specialist" as const, "supported" as const) }),
        { selector: (n) => n.code, maxLength: 4 },
      ),
      primaryLevel: mostly(fc.constantFrom("specialist" as const, "supported" as const), fc.constant(null)),
      risksManaged: mostly(
        fc.subarray([...PDS_RISK_CODES.slice(0, 4)]).map((codes) => [...new Set([...child.risks.map((r) => r.code), ...codes])]),
        fc.subarray([...PDS_RISK_CODES.slice(0, 4)]),
      ),
      ofstedGrade: fc.option(mostly(fc.integer({ min: 1, max: 3 }), fc.constant(4)), { nil: null, freq: 6 }),
      location: fc.option(around(child.home), { nil: null, freq: 8 }),
      bandPricePence: fc.option(fc.integer({ min: 50_000, max: 600_000 }), { nil: null, freq: 4 }),
      bandCeilingPence: fc.option(fc.integer({ min: 100_000, max: 600_000 }), { nil: null, freq: 6 }),
      feedback: fc.option(fc.record({ average: fc.double({ min: 1, max: 5, noNaN: true }), reviews: fc.integer({ min: 5, max: 40 }) }), { nil: null }),
    })
    .map(({ primaryLevel, needs, ...s }) => ({
      ...s,
      ageHigh: Math.max(s.ageHigh, s.ageLow),
      // The primary need at the level drawn, or (null) left out: the setting does not support it.
      needs: [...needs.filter((n) => n.code !== child.primaryNeed), ...(primaryLevel ? [{ code: child.primaryNeed, level: primaryLevel }] : [])],
    }));

/** A child and the settings to rank for it (distinct ids, some from the pool a preference draws on). */
export const scenarioArbitrary: fc.Arbitrary<[MatchChild, MatchSetting[]]> = childArbitrary.chain((child) =>
  fc.tuple(
    fc.constant(child),
    fc.uniqueArray(settingFor(child, fc.oneof(fc.constantFrom(...ID_POOL), fc.uuid())), { selector: (s) => s.id, minLength: 1, maxLength: 25 }),
  ),
);
