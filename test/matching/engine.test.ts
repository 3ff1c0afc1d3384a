import { MATCH_WEIGHTS, type MatchSetting, rankMatches } from "@shared/matching";
import { MATCH_CRITERIA, type MatchCriterion } from "@shared/schemas/matching";
import { aChild, aSetting, M14 } from "./engine-fixtures";

const only = (setting: MatchSetting, child = aChild()) => rankMatches(child, [setting], { limit: 10, explainExcluded: true });
const criterion = (setting: MatchSetting, name: MatchCriterion, child = aChild()) => {
  const found = only(setting, child).matches[0]?.criteria.find((c) => c.criterion === name);
  if (!found) throw new Error(`no ${name} for ${setting.name}`);
  return found;
};
const reasonsFor = (setting: MatchSetting, child = aChild()) => only(setting, child).excluded?.[0]?.reasons ?? [];
/** About 20 km north of M14 (Bolton way). */
const TWENTY_KM_NORTH = { latitude: M14.latitude + 0.18, longitude: M14.longitude };

describe("rankMatches (examples)", () => {
  it("should have weights that add up to 100, one per criterion", () => {
    expect(Object.keys(MATCH_WEIGHTS).sort()).toEqual([...MATCH_CRITERIA].sort());
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("should explain need fit, ranking a specialist above a setting that only supports the primary need", () => {
    const specialist = aSetting({
      needs: [
        { code: "ASD", level: "specialist" },
        { code: "SLCN", level: "supported" },
      ],
    });
    const supports = aSetting({ needs: [{ code: "ASD", level: "supported" }] });
    const { matches } = rankMatches(aChild(), [supports, specialist], { limit: 10 });
    expect(matches.map((m) => m.settingId)).toEqual([specialist.id, supports.id]);
    expect(criterion(specialist, "need_fit").reason).toBe("Specialist in autistic spectrum disorder (ASD), the primary need; meets 1 of 1 secondary needs");
    expect(criterion(supports, "need_fit").reason).toBe("Supports autistic spectrum disorder (ASD), the primary need; meets 0 of 1 secondary needs (not SLCN)");
  });

  it("should exclude a setting that cannot manage a current risk, and only cost points for a historic one", () => {
    const child = aChild({ risks: [{ code: "riskMissing", trajectory: "current" }] });
    expect(reasonsFor(aSetting(), child)).toEqual([{ rule: "risk", reason: "Cannot manage the current risk of going missing" }]);
    const historic = aChild({ risks: [{ code: "riskMissing", trajectory: "historic" }] });
    const unlisted = criterion(aSetting(), "need_fit", historic);
    const listed = criterion(aSetting({ risksManaged: ["riskMissing"] }), "need_fit", historic);
    expect(unlisted.reason).toContain("does not list the historic risk of going missing");
    expect(listed.points - unlisted.points).toBeCloseTo(MATCH_WEIGHTS.need_fit * 0.1, 6);
  });

  it("should give every hard rule a setting breaks, in order, with a reason", () => {
    const child = aChild({ maxTravelKm: 10, sex: "female" });
    const reasons = reasonsFor(
      aSetting({
        lotNumbers: [2, 3],
        ageLow: 14,
        ageHigh: 18,
        sexAdmitted: "boys",
        vacancies: 0,
        needs: [{ code: "SEMH", level: "specialist" }],
        ofstedGrade: 4,
        location: TWENTY_KM_NORTH,
      }),
      child,
    );
    expect(reasons).toEqual([
      { rule: "lot", reason: "Not listed on lot 1 (0-16 day): listed on lot 2 and lot 3" },
      { rule: "age", reason: "Takes ages 14 to 18; the child is 12 when the placement is needed" },
      { rule: "sex", reason: "Admits boys only; the child is female" },
      { rule: "vacancy", reason: "Has no vacancy" },
      { rule: "primary_need", reason: "Does not support autistic spectrum disorder (ASD), the child's primary need" },
      { rule: "ofsted_inadequate", reason: "Rated Inadequate by Ofsted (grade 4)" },
      { rule: "distance", reason: "20.0 km from the child's home district, beyond the 10.0 km maximum" },
    ]);
  });

  it("should exclude a setting with no location only when the child has a maximum distance", () => {
    const nowhere = aSetting({ location: null });
    expect(reasonsFor(nowhere, aChild({ maxTravelKm: 30 }))).toEqual([
      { rule: "distance", reason: "Its location is not known, so it cannot be shown to be within 30.0 km of home" },
    ]);
    expect(criterion(nowhere, "distance")).toMatchObject({ points: 0, reason: "Its location is not known" });
  });

  it("should score distance, price, Ofsted, preference and feedback with their reasons", () => {
    const setting = aSetting({
      location: TWENTY_KM_NORTH,
      bandPricePence: 187_500,
      bandCeilingPence: 250_000,
      ofstedGrade: 1,
      feedback: { average: 4, reviews: 7 },
    });
    const child = aChild({ preferredSettingId: setting.id });
    const match = only(setting, child).matches[0];
    expect(match?.criteria.map((c) => [c.criterion, c.points, c.reason])).toEqual([
      ["need_fit", 24.5, "Specialist in autistic spectrum disorder (ASD), the primary need; meets 0 of 1 secondary needs (not SLCN)"],
      ["distance", 16, "20.0 km from the child's home district"],
      ["price", 7.5, "£1,875.00 a week: 75% of the band C ceiling of £2,500.00"],
      ["ofsted", 15, "Ofsted: Outstanding (grade 1)"],
      ["parental_preference", 10, "The parents' preferred setting"],
      ["parent_feedback", 3.8, "Parent carers rate it 4.0 out of 5 on average (7 approved reviews)"],
    ]);
    expect(match?.score).toBe(76.8);
    expect(match?.distanceKm).toBe(20);
  });

  it("should give no points, with the reason, for what is not known", () => {
    const unknown = aSetting({ bandPricePence: null, ofstedGrade: null });
    expect(criterion(unknown, "price")).toMatchObject({ points: 0, reason: "The provider has stated no framework price for band C on lot 1" });
    expect(criterion(aSetting(), "price", aChild({ priceBand: null }))).toMatchObject({
      points: 0,
      reason: "No price band in the child's profile, so prices cannot be compared",
    });
    expect(criterion(unknown, "ofsted")).toMatchObject({ points: 0, reason: "No Ofsted grade recorded" });
    expect(criterion(unknown, "parent_feedback")).toMatchObject({ points: 0, reason: "Parent feedback is withheld until 5 reviews are approved" });
    expect(criterion(unknown, "parental_preference")).toMatchObject({ points: 0, reason: "No parental preference recorded" });
  });

  it("should break equal scores by distance, then name, then id, and stop at the limit", () => {
    const far = aSetting({ name: "A far", location: { latitude: M14.latitude + 0.01, longitude: M14.longitude } });
    const nearB = aSetting({ name: "B near" });
    const nearA = aSetting({ name: "A near" });
    const { matches } = rankMatches(aChild(), [far, nearB, nearA], { limit: 2 });
    expect(matches.map((m) => [m.rank, m.settingName])).toEqual([
      [1, "A near"],
      [2, "B near"],
    ]);
    expect(matches[0]?.score).toBe(matches[1]?.score);
  });
});
