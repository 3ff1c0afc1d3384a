import { eq, inArray } from "drizzle-orm";
import { locate } from "../../modules/directory/placement";
import type { Db } from "../client";
import { organisations, settings } from "../schema";

type DemoSetting = Omit<typeof settings.$inferInsert, "organisationId" | "needCodes" | "outcode" | "latitude" | "longitude"> & { provider: string };

// Made-up settings for the demo providers, on the lots they are admitted to, so a fresh demo's
// search has results. URNs in the 990000s, which GIAS has not issued.
const DEMO_SETTINGS: DemoSetting[] = [
  {
    provider: "Pennine Learning Trust (demo)",
    urn: "990001",
    name: "Pennine Brook School (demo)",
    lotNumbers: [1],
    ageLow: 5,
    ageHigh: 16,
    sexAdmitted: "mixed",
    residentialTypes: ["day"],
    registeredCapacity: 60,
    vacancies: 3,
    needs: [
      { code: "ASD", level: "specialist" },
      { code: "SLCN", level: "supported" },
    ],
    therapies: ["speech_and_language", "occupational"],
    staffingRatios: ["1:2", "1:1"],
    risksManaged: ["riskMissing"],
    ofstedGrade: 2,
    ofstedInspectionDate: "2025-02-11",
    addressLine1: "12 Brook Road",
    town: "Rochdale",
    postcode: "OL11 3AB",
    description: "A day school for autistic children and young people, with speech and language therapy on site.",
  },
  {
    provider: "Pennine Learning Trust (demo)",
    urn: "990002",
    name: "Moorside Residential College (demo)",
    lotNumbers: [2],
    ageLow: 11,
    ageHigh: 19,
    sexAdmitted: "mixed",
    residentialTypes: ["38_week"],
    registeredCapacity: 30,
    vacancies: 1,
    needs: [
      { code: "SLD", level: "specialist" },
      { code: "PMLD", level: "supported" },
    ],
    therapies: ["physiotherapy", "occupational"],
    staffingRatios: ["1:1", "2:1"],
    risksManaged: [],
    ofstedGrade: 1,
    ofstedInspectionDate: "2024-10-02",
    addressLine1: "Moorside Lane",
    town: "Oldham",
    postcode: "OL4 2TH",
    description: "Education and 38-week residential care for young people with severe learning difficulties.",
  },
  {
    provider: "Mersey Horizons Care (demo)",
    urn: "990003",
    name: "Horizons House (demo)",
    lotNumbers: [3],
    ageLow: 10,
    ageHigh: 17,
    sexAdmitted: "boys",
    residentialTypes: ["52_week"],
    registeredCapacity: 6,
    vacancies: 1,
    needs: [{ code: "SEMH", level: "specialist" }],
    therapies: ["psychology", "camhs"],
    staffingRatios: ["1:1", "2:1"],
    risksManaged: ["riskSelfHarm", "riskMissing", "riskCriminalExploitation", "riskToOthersPhysical"],
    ofstedGrade: 2,
    ofstedInspectionDate: "2025-05-20",
    addressLine1: "4 Riverside Walk",
    town: "Liverpool",
    postcode: "L17 7BP",
    description: "A 52-week children's home with education for boys with social, emotional and mental health needs.",
  },
  {
    provider: "Lakeland Specialist Colleges (demo)",
    urn: "990004",
    name: "Lakeland College (demo)",
    lotNumbers: [4, 5],
    ageLow: 16,
    ageHigh: 25,
    sexAdmitted: "mixed",
    residentialTypes: ["day", "52_week"],
    registeredCapacity: 45,
    vacancies: 4,
    needs: [
      { code: "ASD", level: "specialist" },
      { code: "MLD", level: "supported" },
    ],
    therapies: ["speech_and_language"],
    staffingRatios: ["1:3", "1:2"],
    risksManaged: [],
    ofstedGrade: 2,
    ofstedInspectionDate: "2024-06-13",
    addressLine1: "Fellside",
    town: "Kendal",
    postcode: "LA9 4PH",
    description: "A specialist college for young people aged 16 to 25, day or residential.",
  },
  {
    provider: "Ribble Valley Children's Homes (demo)",
    urn: "990005",
    name: "Ribble View (demo)",
    lotNumbers: [2, 3],
    ageLow: 8,
    ageHigh: 18,
    sexAdmitted: "mixed",
    residentialTypes: ["38_week", "52_week"],
    registeredCapacity: 8,
    vacancies: 0,
    needs: [
      { code: "ASD", level: "specialist" },
      { code: "SEMH", level: "supported" },
    ],
    therapies: ["occupational", "psychology"],
    staffingRatios: ["1:1", "2:1"],
    risksManaged: ["riskSelfHarm", "riskToOthersPhysical"],
    ofstedGrade: 1,
    ofstedInspectionDate: "2025-09-03",
    addressLine1: "Whalley Road",
    town: "Clitheroe",
    postcode: "BB7 1AA",
    description: "Small homes with education for autistic children who also have mental health needs.",
  },
  {
    provider: "Northern Pathways Alternative Provision (demo)",
    urn: "990006",
    name: "Pathways Centre (demo)",
    lotNumbers: [6],
    ageLow: 11,
    ageHigh: 16,
    sexAdmitted: "mixed",
    residentialTypes: ["day"],
    registeredCapacity: 40,
    vacancies: 6,
    needs: [{ code: "SEMH", level: "specialist" }],
    therapies: ["psychology"],
    staffingRatios: ["1:3", "1:1"],
    risksManaged: ["riskCriminalExploitation", "riskMissing"],
    ofstedGrade: 3,
    ofstedInspectionDate: "2025-01-15",
    addressLine1: "2 Station Street",
    town: "Bolton",
    postcode: "BL1 1AA",
    description: "Registered alternative provision for pupils out of school.",
  },
];

/** Published demo settings for the demo providers; does nothing for URNs already present. */
export async function seedDemoSettings(db: Db): Promise<number> {
  const providers = await db
    .select()
    .from(organisations)
    .where(inArray(organisations.name, [...new Set(DEMO_SETTINGS.map((s) => s.provider))]));
  let created = 0;
  for (const { provider, ...setting } of DEMO_SETTINGS) {
    const owner = providers.find((p) => p.name === provider);
    const [existing] = await db.select({ id: settings.id }).from(settings).where(eq(settings.urn, setting.urn));
    if (!owner || existing) continue;
    const place = await locate(db, setting.postcode ?? "");
    await db.insert(settings).values({
      ...setting,
      ...place,
      organisationId: owner.id,
      needCodes: (setting.needs ?? []).map((n) => n.code),
      status: "published",
      vacanciesConfirmedAt: new Date(),
    });
    created++;
  }
  return created;
}
