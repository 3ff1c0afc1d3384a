import {
  ADDITIONAL_SUPPORT,
  COMMUNICATION_NEEDS,
  COMMUNICATION_REQUIREMENTS,
  CULTURAL_NEEDS,
  LIVING_COMPANIONS,
  NEEDED_BY_URGENCY,
  PETS,
  PLACEMENT_TYPES,
  SUITABILITY,
} from "@shared/codes/children";
import { PDS_RISK_CODES } from "@shared/codes/directory";
import { actualPlacementOf, type AgreedPlacement } from "@shared/placements-standard/actual-placement";
import { pdsEntity, pdsField } from "@shared/placements-standard/definition";
import { pdsChildIdOf, profileToReferral } from "@shared/placements-standard/from-profile";
import { neededByDate, neededByUrgency } from "@shared/placements-standard/needed-by";
import { referralPathOf } from "@shared/placements-standard/profile-sources";
import { type PdsReferral, RISK_PRESENCE } from "@shared/placements-standard/referral-types";
import { referralToProfile } from "@shared/placements-standard/to-profile";
import { defineStage, validateDocument } from "@shared/placements-standard/validate-document";
import { validateReferral } from "@shared/placements-standard/validate-referral";
import type { ChildProfile, ChildProfileValues } from "@shared/schemas/children";
import { pdsReferral } from "../factories/placements-standard";

const TODAY = "2026-11-05";
const valid = (doc: unknown): PdsReferral => {
  const result = validateReferral(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.referral;
};
/** The stored values as the API presents them (what the export reads). */
const presented = (values: ChildProfileValues, id = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"): ChildProfile => ({
  ...values,
  id,
  organisationId: "7a1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
  organisationName: "A council",
  ageOnNeededBy: null,
  preferredSettingName: null,
  missingForMatching: [],
  status: "complete",
  unanswered: [],
  requests: [],
  currentPlacement: null,
  createdAt: "2026-11-05T09:00:00.000Z",
  updatedAt: "2026-11-05T09:00:00.000Z",
});
const withoutExtension = ({ placementExchange: _ext, ...entities }: PdsReferral) => entities;

describe("The codes are the definition's option lists, verbatim", () => {
  it.each<[string, readonly string[]]>([
    ["PlacementAvailability.neededBy", NEEDED_BY_URGENCY],
    ["PlacementRequirements.communicationNeeds", COMMUNICATION_NEEDS],
    ["PlacementRequirements.specificCommunicationRequirements", COMMUNICATION_REQUIREMENTS],
    ["PlacementRequirements.culturalNeeds", CULTURAL_NEEDS],
    ["PlacementRequirements.livingCompanions", LIVING_COMPANIONS],
    ["PlacementRequirements.pets", PETS],
    ["PlacementRequirements.additionalSupport", ADDITIONAL_SUPPORT],
    ["PlacementRecommendation.fosterCareSuitability", SUITABILITY],
    ["PlacementRecommendation.residentialCareSuitability", SUITABILITY],
    ["PlacementRecommendation.supportedAccommodationSuitability", SUITABILITY],
    ["ActualPlacement.placementType", PLACEMENT_TYPES],
    ...PDS_RISK_CODES.map((code): [string, readonly string[]] => [`Risks.${code}`, RISK_PRESENCE]),
  ])("%s", (path, codes) => {
    const [entity = "", field = ""] = path.split(".");
    expect(pdsField(entity, field).options).toEqual([...codes]);
  });

  it("should know every categorical risk of the definition", () => {
    expect(
      pdsEntity("Risks")
        .fields.filter((f) => f.type === "Categorical")
        .map((f) => f.name),
    ).toEqual([...PDS_RISK_CODES]);
  });
});

describe("neededBy: the standard's urgency and a date", () => {
  it("should turn urgency into a date from today (28 days standing for 'more than 5')", () => {
    expect(neededByDate("Today", TODAY)).toBe("2026-11-05");
    expect(neededByDate("in less than 5 days", TODAY)).toBe("2026-11-09");
    expect(neededByDate("in more than 5 days", "2026-12-20")).toBe("2027-01-17");
  });

  it.each([
    ["2026-10-01", "Today"],
    ["2026-11-05", "Today"],
    ["2026-11-06", "in less than 5 days"],
    ["2026-11-09", "in less than 5 days"],
    ["2026-11-10", "in more than 5 days"],
    ["2027-03-01", "in more than 5 days"],
  ])("should send %s as %s", (date, urgency) => {
    expect(neededByUrgency(date, TODAY)).toBe(urgency);
  });
});

describe("referralToProfile", () => {
  it("should map the standard's fields onto the profile, leaving what it lacks empty", () => {
    const doc = pdsReferral({ childId: 4242, risks: { riskToOthersFire: "Risk Present", riskOther: "Climbs onto roofs" } });
    const values = referralToProfile(valid(doc), TODAY);
    expect(values).toEqual({
      reference: "PDS-4242",
      birthMonth: null,
      sex: null,
      homeOutcode: null,
      schoolYear: null,
      primaryNeed: null,
      secondaryNeeds: [],
      ehcPlanStatus: null,
      sectionB: "",
      sectionE: "",
      sectionF: "",
      staffingRatio: null,
      therapies: [],
      lotNumber: null,
      priceBand: null,
      neededBy: "2026-11-09",
      preferredSettingId: null,
      maxTravelKm: null,
      siblingCount: 0,
      preferredLocation: "Greater Manchester",
      requirements: doc.PlacementRequirements,
      recommendation: doc.PlacementRecommendation,
      risks: [
        { code: "riskSelfHarm", trajectory: "current" },
        { code: "riskMissing", trajectory: "current" },
        { code: "riskToOthersFire", trajectory: "current" },
      ],
      riskOther: "Climbs onto roofs",
      riskToOthersOther: null,
      pdsChildId: 4242,
      referralDate: "2026-11-02",
    });
  });

  it("should take the extension's reference, date and trajectories, and not keep the referral officer's name", () => {
    const doc = {
      ...pdsReferral(),
      QualityAssurance: { referralDate: "2026-11-02", referralOfficerName: "Sam Officer" },
      placementExchange: { reference: "MCR-2026-0042", neededBy: "2027-01-10", primaryNeed: "SEMH", riskTrajectories: { riskMissing: "escalating" } },
    };
    const values = referralToProfile(valid(doc), TODAY);
    expect(values).toMatchObject({ reference: "MCR-2026-0042", neededBy: "2027-01-10", primaryNeed: "SEMH", referralDate: "2026-11-02" });
    expect(values.risks).toEqual([
      { code: "riskSelfHarm", trajectory: "current" },
      { code: "riskMissing", trajectory: "escalating" },
    ]);
    expect(JSON.stringify(values)).not.toContain("Sam Officer");
  });

  it("should leave neededBy empty when neither the standard nor the extension gives it, and take null 0..1 values as empty", () => {
    const doc = pdsReferral();
    delete (doc.PlacementAvailability as Record<string, unknown>).neededBy;
    (doc.PlacementRequirements as Record<string, unknown>).deprivationOfLiberty = null;
    const values = referralToProfile(valid(doc), TODAY);
    expect(values.neededBy).toBeNull();
    expect(values.requirements.deprivationOfLiberty).toBeNull();
  });
});

describe("profileToReferral", () => {
  it("should give back the standard's entities as imported (same day)", () => {
    const doc = pdsReferral({ risks: { riskToOthersOther: "Damages property when anxious" } });
    const exported = profileToReferral(presented(referralToProfile(valid(doc), TODAY)), { today: TODAY });
    expect(withoutExtension(exported)).toEqual(doc);
  });

  it("should give back the extension as imported, so a re-import is the same profile", () => {
    const extension = {
      reference: "MCR-2026-0042",
      birthMonth: "2013-05",
      sex: "female",
      homeOutcode: "M14",
      schoolYear: 8,
      primaryNeed: "SEMH",
      secondaryNeeds: ["SLCN"],
      ehcPlanStatus: "final",
      sectionB: "Needs calm spaces.",
      sectionE: "",
      sectionF: "Small groups.",
      staffingRatio: "1:1",
      therapies: [],
      lotNumber: 3,
      priceBand: "D",
      neededBy: "2027-01-10",
      maxTravelKm: 50,
      riskTrajectories: { riskSelfHarm: "historic", riskMissing: "escalating" },
    };
    const values = referralToProfile(valid({ ...pdsReferral(), placementExchange: extension }), TODAY);
    const exported = profileToReferral(presented(values), { today: TODAY });
    expect(exported.placementExchange).toEqual(extension);
    expect(referralToProfile(valid(exported), TODAY)).toEqual(values);
  });

  it("should send a profile recorded here (no childId, no referral date) as a valid referral with a stable childId", () => {
    const values = referralToProfile(valid(pdsReferral()), TODAY);
    const profile = presented({ ...values, pdsChildId: null, referralDate: null, requirements: { ...values.requirements, additionalSupport: null } });
    const exported = profileToReferral(profile, { today: TODAY });
    expect(exported.PlacementAvailability.childId).toBe(0x0f1e2d3c4b5a);
    expect(exported.PlacementRequirements).not.toHaveProperty("additionalSupport");
    expect(pdsChildIdOf(profile)).toBe(exported.PlacementAvailability.childId);
    expect(exported.QualityAssurance).toBeUndefined();
    expect(validateReferral(exported).ok).toBe(true);
  });

  it("should send neededBy relative to today, and leave it out when there is no date", () => {
    const values = referralToProfile(valid(pdsReferral()), TODAY);
    expect(profileToReferral(presented(values), { today: "2026-11-20" }).PlacementAvailability.neededBy).toBe("Today");
    expect(profileToReferral(presented({ ...values, neededBy: null }), { today: TODAY }).PlacementAvailability).not.toHaveProperty("neededBy");
  });
});

describe("ActualPlacement (the hook for placements)", () => {
  const placement: AgreedPlacement = {
    weeklyFeePence: 612_349,
    location: "Bolton",
    inPreferredLocation: true,
    educationContinuity: false,
    settingUrn: "410001",
    siblingsPlacedTogether: 0,
    placementType: "Residential",
  };
  const agreement = defineStage({ document: "An agreement", required: ["ActualPlacement"], refused: {}, onlyFields: {}, extensions: [], limits: {} });

  it("should be absent until there is a placement", () => {
    expect(actualPlacementOf(undefined)).toBeUndefined();
    expect(profileToReferral(presented(referralToProfile(valid(pdsReferral()), TODAY)), { today: TODAY })).not.toHaveProperty("ActualPlacement");
  });

  it("should map an agreed placement onto the standard's ActualPlacement, the weekly fee in whole pounds", () => {
    const entity = actualPlacementOf(placement);
    expect(entity).toEqual({
      totalWeeklyCost: 6123,
      placementLocation: "Bolton",
      preferabilityLocation: true,
      educationContinuity: false,
      providerURN: "410001",
      siblingsPlacedTogether: 0,
      placementType: "Residential",
    });
    expect(validateDocument({ ActualPlacement: entity }, agreement)).toEqual([]);
  });

  it("should add it to the export once the child is placed", () => {
    const exported = profileToReferral(presented(referralToProfile(valid(pdsReferral()), TODAY)), { today: TODAY, placement });
    expect(exported.ActualPlacement).toEqual(actualPlacementOf(placement));
  });
});

describe("referralPathOf", () => {
  it.each([
    ["body.riskOther", "body.Risks.riskOther"],
    ["body.preferredLocation", "body.PlacementAvailability.preferredLocation"],
    ["body.sectionB", "body.placementExchange.sectionB"],
    ["body.homeOutcode", "body.placementExchange.homeOutcode"],
    ["query.page", "query.page"],
  ])("should restate %s as %s", (path, expected) => {
    expect(referralPathOf(path)).toBe(expected);
  });
});
