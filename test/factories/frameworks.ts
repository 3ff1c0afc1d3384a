import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { AdmissionStatus } from "@shared/codes/directory";
import { LOTS } from "@shared/codes/lots";
import { PRICE_BANDS, type PriceBand } from "@shared/codes/price-bands";
import type { Db } from "../../server/src/db/client";
import {
  admissionRounds,
  frameworks,
  lotAdmissions,
  lots,
  priceBands,
  providerApplications,
  providerBandPrices,
  termsVersions,
} from "../../server/src/db/schema";
import { buildOrganisation, buildRegion } from "./organisations";
import { buildUser } from "./users";

const unique = () => randomBytes(4).toString("hex");
const DAY = 86_400_000;

/** A test framework's weekly ceiling (pence): lot N band A is N × £1,000, each band £500 dearer. */
export const testCeiling = (lotNumber: number, band: PriceBand) => lotNumber * 100_000 + PRICE_BANDS.findIndex((b) => b.band === band) * 50_000;

export type BuiltFramework = Awaited<ReturnType<typeof buildFramework>>;

/** A framework with the seven lots and bands A–E (ceilings by testCeiling), in the given region or a fresh one. */
export async function buildFramework(db: Db, options: { regionId?: string } = {}) {
  const regionId = options.regionId ?? (await buildRegion(db)).id;
  const [framework] = await db
    .insert(frameworks)
    .values({ regionId, name: `Test framework ${unique()}`, termStart: "2026-01-01", termEnd: "2035-12-31" })
    .returning();
  if (!framework) throw new Error("no framework");
  const lotRows = await db
    .insert(lots)
    .values(LOTS.map((l) => ({ frameworkId: framework.id, number: l.number, name: l.name })))
    .returning();
  await db
    .insert(priceBands)
    .values(
      lotRows.flatMap((lot) =>
        PRICE_BANDS.map((b) => ({ lotId: lot.id, band: b.band, description: b.description, weeklyCeilingPence: testCeiling(lot.number, b.band) })),
      ),
    );
  const lotId = (n: number) => lotRows.find((l) => l.number === n)?.id ?? "";
  return { ...framework, lotId };
}

let termsCounter = 100;

export async function buildTermsVersion(db: Db, options: { frameworkId: string; version?: string; publishedAt?: Date }) {
  const [row] = await db
    .insert(termsVersions)
    .values({
      frameworkId: options.frameworkId,
      version: options.version ?? `${++termsCounter}.0.${Math.floor(Math.random() * 1000)}`,
      title: "Terms and conditions",
      summary: "What providers agree to.",
      ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
    })
    .returning();
  if (!row) throw new Error("no terms version");
  return row;
}

const WINDOWS = {
  open: { opens: -DAY, closes: 30 * DAY },
  upcoming: { opens: 10 * DAY, closes: 40 * DAY },
  closed: { opens: -40 * DAY, closes: -10 * DAY },
} as const;

/** An admission round that is open now (by default), upcoming or closed. */
export async function buildRound(db: Db, options: { frameworkId: string; state?: keyof typeof WINDOWS }) {
  const window = WINDOWS[options.state ?? "open"];
  const now = Date.now();
  const [row] = await db
    .insert(admissionRounds)
    .values({ frameworkId: options.frameworkId, name: `Round ${unique()}`, opensAt: new Date(now + window.opens), closesAt: new Date(now + window.closes) })
    .returning();
  if (!row) throw new Error("no round");
  return row;
}

/**
 * A provider's application for lots, each in the given status (default "applied"), in a round
 * and accepting terms of the framework (made here unless given).
 */
export async function buildApplication(
  db: Db,
  options: {
    framework: BuiltFramework;
    organisationId: string;
    lotNumbers: number[];
    status?: AdmissionStatus;
    roundId?: string;
    termsVersionId?: string;
    reason?: string;
  },
) {
  const { framework } = options;
  const roundId = options.roundId ?? (await buildRound(db, { frameworkId: framework.id })).id;
  const [latest] = await db.select().from(termsVersions).where(eq(termsVersions.frameworkId, framework.id)).orderBy(desc(termsVersions.publishedAt)).limit(1);
  const termsVersionId = options.termsVersionId ?? latest?.id ?? (await buildTermsVersion(db, { frameworkId: framework.id })).id;
  const [application] = await db
    .insert(providerApplications)
    .values({
      frameworkId: framework.id,
      roundId,
      organisationId: options.organisationId,
      companiesHouseNumber: "01234567",
      contactName: "Test contact",
      contactEmail: "contact@provider.test.example",
      contactPhone: "0161 496 0000",
      settingsOffered: "Test settings",
      termsVersionId,
    })
    .returning();
  if (!application) throw new Error("no application");
  const status = options.status ?? "applied";
  await db.insert(lotAdmissions).values(
    options.lotNumbers.map((n) => ({
      frameworkId: framework.id,
      lotId: framework.lotId(n),
      organisationId: options.organisationId,
      applicationId: application.id,
      status,
      ...(status === "applied" ? {} : { reason: options.reason ?? "Decided in a test", decidedAt: new Date() }),
    })),
  );
  return application;
}

/** A provider admitted to lots (an application whose lots are all "admitted"). */
export const buildAdmission = (db: Db, options: { framework: BuiltFramework; organisationId: string; lotNumbers: number[] }) =>
  buildApplication(db, { ...options, status: "admitted" });

export async function buildPrice(
  db: Db,
  options: { framework: BuiltFramework; organisationId: string; lotNumber: number; band: PriceBand; weeklyPricePence: number },
) {
  await db.insert(providerBandPrices).values({
    lotId: options.framework.lotId(options.lotNumber),
    organisationId: options.organisationId,
    band: options.band,
    weeklyPricePence: options.weeklyPricePence,
  });
}

export async function lotAdmissionStatus(db: Db, framework: BuiltFramework, organisationId: string, lotNumber: number) {
  const [row] = await db
    .select()
    .from(lotAdmissions)
    .where(and(eq(lotAdmissions.lotId, framework.lotId(lotNumber)), eq(lotAdmissions.organisationId, organisationId)));
  return row;
}

/**
 * A region with a framework (terms published, a round open now), its hub's administrator, and a
 * provider with an administrator and an ordinary member.
 */
export async function buildFrameworkWorld(db: Db) {
  const region = await buildRegion(db);
  const framework = await buildFramework(db, { regionId: region.id });
  const terms = await buildTermsVersion(db, { frameworkId: framework.id, version: "1.0" });
  const round = await buildRound(db, { frameworkId: framework.id });
  const hub = await buildOrganisation(db, { kind: "regional_hub", regionId: region.id });
  const admin = await buildUser(db, { role: "regional_admin", orgAdmin: true, organisationId: hub.id });
  const provider = await buildOrganisation(db, { kind: "provider", regionId: region.id });
  const providerAdmin = await buildUser(db, { role: "provider", orgAdmin: true, organisationId: provider.id });
  const providerStaff = await buildUser(db, { role: "provider", organisationId: provider.id });
  return { region, framework, terms, round, hub, admin, provider, providerAdmin, providerStaff };
}
