import { eq } from "drizzle-orm";
import request from "supertest";
import { type OcdsRelease, OcdsReleasePackageSchema } from "@shared/schemas/ocds";
import { placements } from "../../server/src/db/schema";
import { parseEnv } from "../../server/src/env";
import { endPlacement } from "../../server/src/modules/placement-requests/commands/award";
import { buildRegion } from "../factories/organisations";
import { buildRequestAt, type StagedRequest } from "../factories/request-stages";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let awarded: StagedRequest;
let ended: StagedRequest;
let notAwarded: StagedRequest[];
const db = () => t.database.handle.db;

beforeAll(async () => {
  t = await createTestApp({ seed: false, env: { OCDS_OCID_PREFIX: "ocds-test1" } });
  const regionId = (await buildRegion(db())).id;
  // Distinctive child data, to look for in the package: none of it may be there.
  awarded = await buildRequestAt(db(), "awarded", {
    regionId,
    lotNumber: 3,
    withClarification: true,
    child: {
      reference: "OCDS-CHILD-7Q",
      homeOutcode: "BL1",
      primaryNeed: "SEMH",
      secondaryNeeds: ["SLCN"],
      sectionF: "Quiet classroom with a key adult every morning.",
      sectionB: "Finds transitions very hard.",
    },
  });
  ended = await buildRequestAt(db(), "awarded", { regionId });
  const [placement] = await db().select().from(placements).where(eq(placements.id, ended.placementId!));
  await endPlacement({
    db: db(),
    actor: ended.commissioner,
    placement: placement!,
    endDate: String(placement!.startDate).slice(0, 10),
    reason: "breakdown_needs_not_met",
  });
  notAwarded = [
    await buildRequestAt(db(), "draft", { regionId }),
    await buildRequestAt(db(), "open", { regionId, withOffer: true }),
    await buildRequestAt(db(), "evaluated", { regionId }),
  ];
});
afterAll(() => t.close());

const fetchPackage = async () => {
  const res = await request(t.app).get("/api/v1/open-data/ocds");
  expect(res.status).toBe(200);
  return { res, body: OcdsReleasePackageSchema.parse(res.body) };
};
const releasesFor = (releases: OcdsRelease[], staged: StagedRequest) => releases.filter((r) => r.ocid === `ocds-test1-${staged.request.id}`);

describe("GET /api/v1/open-data/ocds", () => {
  it("should publish an OCDS 1.1 release package without sign-in, cacheable like the other open data", async () => {
    const { res, body } = await fetchPackage();
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect(body).toMatchObject({ version: "1.1", uri: expect.stringMatching(/\/api\/v1\/open-data\/ocds$/), publisher: { name: "Placement Exchange" } });
  });

  it("should give each awarded request a tender, an award and a contract release under the configured ocid prefix, and nothing for the others", async () => {
    const { body } = await fetchPackage();
    expect(body.releases).toHaveLength(6);
    expect(releasesFor(body.releases, awarded).map((r) => r.tag)).toEqual([["tender"], ["award"], ["contract"]]);
    expect(releasesFor(body.releases, ended)).toHaveLength(3);
    for (const other of notAwarded) expect(JSON.stringify(body)).not.toContain(other.request.id);
  });

  it("should name the council as buyer, the winning provider as supplier with the setting's URN, and a year of the weekly fee as the value", async () => {
    const { body } = await fetchPackage();
    const [tender, award, contract] = releasesFor(body.releases, awarded);
    const council = { id: awarded.commissioner.organisationId, name: awarded.commissioner.organisationName };
    expect(tender!.buyer).toEqual(council);
    expect(tender!.tender).toMatchObject({
      id: awarded.request.id,
      title: "Placement: lot 3 Education and 52-week residential",
      status: "complete",
      procuringEntity: council,
      procurementMethod: "selective",
      procurementMethodDetails: "Mini-competition under the regional framework",
      mainProcurementCategory: "services",
      numberOfTenderers: 1,
      tenderPeriod: { endDate: awarded.request.deadline.toISOString() },
    });
    const supplier = award!.parties.find((p) => p.roles.includes("supplier"));
    expect(supplier).toMatchObject({ id: awarded.provider.organisationId, additionalIdentifiers: [expect.objectContaining({ scheme: "GB-EDU" })] });
    expect(award!.parties.find((p) => p.roles.includes("buyer"))).toMatchObject({ ...council, roles: ["buyer", "procuringEntity"] });
    // offerBody's weekly fee is £1,600: a year of it is £83,200.
    expect(award!.awards![0]).toMatchObject({
      status: "active",
      value: { amount: 83200, currency: "GBP" },
      suppliers: [{ id: supplier!.id, name: supplier!.name }],
    });
    expect(award!.awards![0]!.description).toContain("£1,600.00");
    expect(contract!.contracts![0]).toMatchObject({
      id: awarded.placementId,
      awardID: award!.awards![0]!.id,
      status: "active",
      value: { amount: 83200, currency: "GBP" },
    });
    expect(contract!.contracts![0]!.period.endDate).toBeUndefined();
    const endedContract = releasesFor(body.releases, ended)[2]!.contracts![0]!;
    expect(endedContract).toMatchObject({ status: "terminated", period: { endDate: expect.stringMatching(/T00:00:00Z$/) } });
  });

  it("should contain nothing of the child, and of the offers nothing but the awarded value", async () => {
    const { body } = await fetchPackage();
    const json = JSON.stringify(body);
    const child = awarded.child;
    for (const value of [
      child.id,
      child.reference,
      child.homeOutcode,
      child.primaryNeed,
      "SLCN",
      child.sectionF,
      child.sectionB,
      child.birthMonth,
      ended.child.id,
      ended.child.reference,
    ]) {
      expect(value).toBeTruthy();
      expect(json).not.toContain(String(value));
    }
    // The offer's breakdown, answers and notes, the award's reasons, the question asked, how the placement ended.
    for (const text of [
      "120000",
      "corePence",
      "Small classes",
      "1:2 with a key worker",
      "Meets section F",
      "Is transport included",
      "breakdown",
      awarded.offerId!,
    ]) {
      expect(json).not.toContain(text);
    }
  });
});

describe("OCDS_OCID_PREFIX", () => {
  it("should default to ocds-pxchg and refuse a prefix that is not ocds- and letters or digits, saying how to fix it", () => {
    const ok = parseEnv({});
    expect(ok.ok && ok.env.ocdsOcidPrefix).toBe("ocds-pxchg");
    const bad = parseEnv({ OCDS_OCID_PREFIX: "pxchg" });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? "" : bad.problems.join("\n")).toMatch(/OCDS_OCID_PREFIX \(got "pxchg"\): must be your OCDS prefix: ocds- then/);
  });
});
