import { PDS_DEFINITION } from "@shared/placements-standard/definition";
import { validateReferral } from "@shared/placements-standard/validate-referral";
import { pdsReferral } from "../factories/placements-standard";

type Doc = Record<string, Record<string, unknown>>;
const referral = (change: (doc: Doc) => void = () => {}) => {
  const doc = pdsReferral() as Doc;
  change(doc);
  return doc;
};
const issuesOf = (doc: unknown) => {
  const result = validateReferral(doc);
  if (result.ok) throw new Error("expected the referral to be refused");
  return result.issues;
};
const pathsOf = (doc: unknown) =>
  issuesOf(doc)
    .map((i) => i.path)
    .sort();

describe("validateReferral: what passes", () => {
  it("should pass a valid referral, handing back the same entities", () => {
    const doc = referral();
    const result = validateReferral(doc);
    expect(result).toEqual({ ok: true, referral: doc });
  });

  it("should pass a referral without QualityAssurance or optional fields, and take null as absent for 0..1 fields", () => {
    const doc = referral((d) => {
      delete d.QualityAssurance;
      delete d.PlacementAvailability?.neededBy;
      delete d.PlacementAvailability?.siblingCount;
      d.PlacementRequirements!.additionalSupport = null;
      d.QualityAssurance = { referralDate: "2026-11-02", referralOfficerName: null };
    });
    expect(validateReferral(doc).ok).toBe(true);
  });

  it("should pass the placementExchange extension, handing back its parsed values", () => {
    const doc = referral((d) => {
      d.placementExchange = {
        reference: "mcr-2026-0042",
        primaryNeed: "SEMH",
        lotNumber: 3,
        neededBy: "2027-01-10",
        riskTrajectories: { riskMissing: "escalating" },
      };
    });
    const result = validateReferral(doc);
    expect(result.ok && result.referral.placementExchange).toEqual({
      reference: "MCR-2026-0042",
      primaryNeed: "SEMH",
      lotNumber: 3,
      neededBy: "2027-01-10",
      riskTrajectories: { riskMissing: "escalating" },
    });
  });
});

describe("validateReferral: each kind of problem, with its path", () => {
  it.each<[string, (d: Doc) => void, string, RegExp]>([
    [
      "a wrong option",
      (d) => (d.PlacementRequirements!.pets = "Maybe"),
      "body.PlacementRequirements.pets",
      /^pets must be one of: Yes - must, Yes - can, No, Not Known$/,
    ],
    ["option text in another case", (d) => (d.Risks!.riskSelfHarm = "risk present"), "body.Risks.riskSelfHarm", /must be one of: No known risk, Risk Present/],
    ["a Boolean as text", (d) => (d.PlacementRequirements!.homeAdaptation = "no"), "body.PlacementRequirements.homeAdaptation", /must be true or false/],
    ["an Integer with a fraction", (d) => (d.PlacementAvailability!.childId = 12.5), "body.PlacementAvailability.childId", /must be a whole number/],
    ["an Integer as text", (d) => (d.PlacementAvailability!.siblingCount = "2"), "body.PlacementAvailability.siblingCount", /must be a whole number/],
    ["a String as a number", (d) => (d.PlacementAvailability!.preferredLocation = 5), "body.PlacementAvailability.preferredLocation", /must be text/],
    ["a missing 1..1 field", (d) => delete d.PlacementRequirements!.communicationNeeds, "body.PlacementRequirements.communicationNeeds", /is required/],
    [
      "a 1..1 field sent as null",
      (d) => (d.PlacementRecommendation!.fosterCareSuitability = null),
      "body.PlacementRecommendation.fosterCareSuitability",
      /is required/,
    ],
    [
      "a list for a single value",
      (d) => (d.PlacementRequirements!.culturalNeeds = ["Required"]),
      "body.PlacementRequirements.culturalNeeds",
      /one value, not a list/,
    ],
    [
      "an empty 1..* list",
      (d) => (d.PlacementRequirements!.specificCommunicationRequirements = []),
      "body.PlacementRequirements.specificCommunicationRequirements",
      /at least one/,
    ],
    [
      "a single value for a 1..* list",
      (d) => (d.PlacementRequirements!.specificCommunicationRequirements = "BSL"),
      "body.PlacementRequirements.specificCommunicationRequirements",
      /must be a list/,
    ],
    [
      "a duplicate in a 1..* list",
      (d) => (d.PlacementRequirements!.specificCommunicationRequirements = ["BSL", "Makaton", "BSL"]),
      "body.PlacementRequirements.specificCommunicationRequirements",
      /lists "BSL" more than once/,
    ],
    [
      "a wrong option in a list",
      (d) => (d.PlacementRequirements!.specificCommunicationRequirements = ["BSL", "Braille"]),
      "body.PlacementRequirements.specificCommunicationRequirements.1",
      /must be one of: ESOL, BSL, Makaton, Other, None/,
    ],
    [
      "an unknown field",
      (d) => (d.PlacementRequirements!.favouriteColour = "blue"),
      "body.PlacementRequirements.favouriteColour",
      /"favouriteColour" is not a field of PlacementRequirements/,
    ],
    ["an unknown entity", (d) => (d.ChildDetails = { name: "x" }), "body.ChildDetails", /"ChildDetails" is not an entity of the Placements Data Standard v2/],
    ["a missing required entity", (d) => delete d.Risks, "body.Risks", /Risks is required in a referral/],
    [
      "an entity that is not an object",
      (d) => (d.PlacementRecommendation = ["Preferred"] as never),
      "body.PlacementRecommendation",
      /must be an object of its fields/,
    ],
    [
      "ActualPlacement",
      (d) => (d.ActualPlacement = { totalWeeklyCost: 5000 }),
      "body.ActualPlacement",
      /ActualPlacement is the agreed placement, not part of a referral/,
    ],
    [
      "a placement-stage QualityAssurance field",
      (d) => (d.QualityAssurance!.placementOfficerName = "A Person"),
      "body.QualityAssurance.placementOfficerName",
      /belongs to the placement stage, not a referral/,
    ],
    [
      "an impossible date",
      (d) => (d.QualityAssurance!.referralDate = "2026-02-30"),
      "body.QualityAssurance.referralDate",
      /must be a real date, written like 2026-11-02/,
    ],
    [
      "a date in another format",
      (d) => (d.QualityAssurance!.referralDate = "02/11/2026"),
      "body.QualityAssurance.referralDate",
      /must be a real date, written like 2026-11-02/,
    ],
    [
      "QualityAssurance without its referralDate",
      (d) => (d.QualityAssurance = { referralOfficerName: "A Person" }),
      "body.QualityAssurance.referralDate",
      /is required/,
    ],
  ])("should refuse %s", (_what, change, path, message) => {
    expect(issuesOf(referral(change))).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it("should refuse a document that is not an object, saying what it should be", () => {
    expect(issuesOf([pdsReferral()])).toEqual([{ path: "body", message: expect.stringMatching(/JSON object keyed by entity name/) }]);
  });

  it("should list every problem at once", () => {
    const doc = referral((d) => {
      d.PlacementRequirements!.pets = "Maybe";
      d.PlacementRequirements!.specificCommunicationRequirements = [];
      d.PlacementAvailability!.childId = "42";
      delete d.Risks!.riskMissing;
      d.QualityAssurance!.referralDate = "2026-13-01";
      d.ActualPlacement = {};
      d.Extra = {};
      delete d.PlacementRecommendation;
      d.placementExchange = { sex: "boy" };
    });
    expect(pathsOf(doc)).toEqual([
      "body.ActualPlacement",
      "body.Extra",
      "body.PlacementAvailability.childId",
      "body.PlacementRecommendation",
      "body.PlacementRequirements.pets",
      "body.PlacementRequirements.specificCommunicationRequirements",
      "body.QualityAssurance.referralDate",
      "body.Risks.riskMissing",
      "body.placementExchange.sex",
    ]);
  });

  it("should check every field of the definition that a referral carries (the checks come from the definition, not per field by hand)", () => {
    const entities = PDS_DEFINITION.entities.filter((e) => e.name !== "ActualPlacement");
    const doc = referral((d) => {
      for (const entity of entities) {
        d[entity.name] = Object.fromEntries(
          entity.fields.filter((f) => entity.name !== "QualityAssurance" || f.name.startsWith("referral")).map((f) => [f.name, { wrong: true }]),
        );
      }
    });
    const expected = entities.flatMap((e) =>
      e.fields.filter((f) => e.name !== "QualityAssurance" || f.name.startsWith("referral")).map((f) => `body.${e.name}.${f.name}`),
    );
    expect(pathsOf(doc)).toEqual(expected.sort());
    expect(expected).toHaveLength(4 + 8 + 3 + 13 + 2);
  });
});

describe("validateReferral: the profile's own limits on standard fields", () => {
  it.each<[string, (d: Doc) => void, string]>([
    ["a negative sibling count", (d) => (d.PlacementAvailability!.siblingCount = -1), "body.PlacementAvailability.siblingCount"],
    [
      "None with other communication requirements",
      (d) => (d.PlacementRequirements!.specificCommunicationRequirements = ["None", "BSL"]),
      "body.PlacementRequirements.specificCommunicationRequirements",
    ],
    ["an overlong other risk", (d) => (d.Risks!.riskOther = "x".repeat(501)), "body.Risks.riskOther"],
  ])("should refuse %s where the standard put it", (_what, change, path) => {
    expect(pathsOf(referral(change))).toEqual([path]);
  });
});

describe("validateReferral: the placementExchange extension", () => {
  const withExtension = (extension: unknown) => referral((d) => (d.placementExchange = extension as Record<string, unknown>));

  it("should check its fields with the profile's rules, under body.placementExchange", () => {
    const issues = issuesOf(
      withExtension({ reference: "Jane", birthMonth: "2014-03-12", schoolYear: 15, neededBy: "soon", primaryNeed: "ASD", secondaryNeeds: ["ASD"] }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      "body.placementExchange.birthMonth",
      "body.placementExchange.neededBy",
      "body.placementExchange.reference",
      "body.placementExchange.schoolYear",
      "body.placementExchange.secondaryNeeds",
    ]);
  });

  it("should refuse fields it does not carry, pointing to the standard's field when there is one", () => {
    expect(issuesOf(withExtension({ siblingCount: 2, nickname: "J" }))).toEqual([
      {
        path: "body.placementExchange.siblingCount",
        message: '"siblingCount" comes from PlacementAvailability.siblingCount in the standard; give it there, not here',
      },
      { path: "body.placementExchange.nickname", message: '"nickname" is not a field of placementExchange; remove it' },
    ]);
  });

  it("should refuse trajectories that are not a trajectory, for an unknown risk, or for a risk not present", () => {
    const paths = pathsOf(withExtension({ riskTrajectories: { riskMissing: "sometimes", riskUnknown: "current" } }));
    expect(paths).toEqual(["body.placementExchange.riskTrajectories.riskMissing", "body.placementExchange.riskTrajectories.riskUnknown"]);
    expect(issuesOf(withExtension({ riskTrajectories: { riskToOthersFire: "historic" } }))).toEqual([
      {
        path: "body.placementExchange.riskTrajectories.riskToOthersFire",
        message: 'Risks.riskToOthersFire is not "Risk Present"; give a trajectory only for a risk present',
      },
    ]);
  });

  it("should refuse an extension that is not an object", () => {
    expect(pathsOf(withExtension("MCR-1"))).toEqual(["body.placementExchange"]);
  });
});
