import { and, asc, count, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { AdmissionRound, ApplicationListQuery } from "@shared/schemas/framework";
import type { Db, DbOrTx } from "../../db/client";
import { containing, pageOf } from "../../db/paged";
import {
  admissionRounds,
  frameworks,
  lotAdmissions,
  lots,
  organisations,
  priceBands,
  providerApplications,
  providerBandPrices,
  termsVersions,
} from "../../db/schema";
import { forbidden, notFound } from "../../http/app-error";
import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";
import { canRunFramework, canSeeApplication, canSeeFramework } from "./policy";

type FrameworkRow = typeof frameworks.$inferSelect;

/** A round's state by the database clock, so every app node agrees on when a round opens and closes. */
export const roundState = sql<
  AdmissionRound["state"]
>`CASE WHEN now() < ${admissionRounds.opensAt} THEN 'upcoming' WHEN now() < ${admissionRounds.closesAt} THEN 'open' ELSE 'closed' END`;

/** Loads a framework of the actor's region; another region's is "not found", existing or not. */
export async function loadVisibleFramework(db: Db, actor: Actor, id: string): Promise<FrameworkRow> {
  const [row] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  if (!row || !canSeeFramework(actor, row)) throw notFound("The framework");
  return row;
}

/** A framework the actor runs: 404 for another region's, 403 for a member who is not its hub's administrator. */
export async function loadRunnableFramework(db: Db, actor: Actor, id: string): Promise<FrameworkRow> {
  const framework = await loadVisibleFramework(db, actor, id);
  if (!canRunFramework(actor, framework)) throw forbidden("Only the regional hub's administrators run the framework.");
  return framework;
}

export type FrameworkDetail = Awaited<ReturnType<typeof frameworkDetails>>[number];

/** Frameworks with their lots and bands, terms versions (newest first) and rounds (latest first). */
export async function frameworkDetails(db: Db, rows: FrameworkRow[]) {
  const ids = rows.map((f) => f.id);
  if (ids.length === 0) return [];
  const [lotRows, terms, rounds] = await Promise.all([
    db.select().from(lots).where(inArray(lots.frameworkId, ids)).orderBy(asc(lots.number)),
    db.select().from(termsVersions).where(inArray(termsVersions.frameworkId, ids)).orderBy(desc(termsVersions.publishedAt), desc(termsVersions.version)),
    db
      .select({ round: admissionRounds, state: roundState })
      .from(admissionRounds)
      .where(inArray(admissionRounds.frameworkId, ids))
      .orderBy(desc(admissionRounds.opensAt)),
  ]);
  const bands = lotRows.length
    ? await db
        .select()
        .from(priceBands)
        .where(
          inArray(
            priceBands.lotId,
            lotRows.map((l) => l.id),
          ),
        )
        .orderBy(asc(priceBands.band))
    : [];
  return rows.map((framework) => ({
    framework,
    lots: lotRows.filter((l) => l.frameworkId === framework.id).map((lot) => ({ lot, bands: bands.filter((b) => b.lotId === lot.id) })),
    terms: terms.filter((t) => t.frameworkId === framework.id),
    rounds: rounds.filter((r) => r.round.frameworkId === framework.id),
  }));
}

/** The frameworks of the member's region. */
export async function listRegionFrameworks(db: Db, actor: Member) {
  return frameworkDetails(db, await db.select().from(frameworks).where(eq(frameworks.regionId, actor.regionId)).orderBy(asc(frameworks.name)));
}

export async function frameworkDetail(db: Db, framework: FrameworkRow): Promise<FrameworkDetail> {
  const [detail] = await frameworkDetails(db, [framework]);
  if (!detail) throw new Error("framework detail missing");
  return detail;
}

/** The terms a provider must accept now: the most recently published version. */
export async function latestTermsVersion(db: DbOrTx, frameworkId: string) {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(eq(termsVersions.frameworkId, frameworkId))
    .orderBy(desc(termsVersions.publishedAt), desc(termsVersions.version))
    .limit(1);
  return row;
}

export type ApplicationDetail = Awaited<ReturnType<typeof applicationDetails>>[number];

async function applicationDetails(db: Db, where: SQL | undefined, window?: { limit: number; offset: number }) {
  const base = db
    .select({ application: providerApplications, organisationName: organisations.name })
    .from(providerApplications)
    .innerJoin(organisations, eq(organisations.id, providerApplications.organisationId))
    .where(where)
    .orderBy(desc(providerApplications.submittedAt), asc(organisations.name), asc(providerApplications.id));
  const rows = window ? await base.limit(window.limit).offset(window.offset) : await base;
  const ids = rows.map((r) => r.application.id);
  const lotRows = ids.length
    ? await db
        .select({
          applicationId: lotAdmissions.applicationId,
          lotNumber: lots.number,
          status: lotAdmissions.status,
          reason: lotAdmissions.reason,
          decidedAt: lotAdmissions.decidedAt,
        })
        .from(lotAdmissions)
        .innerJoin(lots, eq(lots.id, lotAdmissions.lotId))
        .where(inArray(lotAdmissions.applicationId, ids))
        .orderBy(asc(lots.number))
    : [];
  return rows.map((row) => ({ ...row, lots: lotRows.filter((l) => l.applicationId === row.application.id) }));
}

/**
 * One page of a framework's applications: all of them for the hub, or one provider's. With
 * statuses, only applications with at least one lot in one of them (each keeps all its lots).
 */
export function listApplications(db: Db, frameworkId: string, filter: { organisationId?: string } & ApplicationListQuery) {
  const statuses = filter.status ?? [];
  const where = and(
    eq(providerApplications.frameworkId, frameworkId),
    filter.organisationId ? eq(providerApplications.organisationId, filter.organisationId) : undefined,
    statuses.length
      ? inArray(providerApplications.id, db.select({ id: lotAdmissions.applicationId }).from(lotAdmissions).where(inArray(lotAdmissions.status, statuses)))
      : undefined,
    filter.q ? ilike(organisations.name, containing(filter.q)) : undefined,
  );
  return pageOf(
    filter.page,
    (window) => applicationDetails(db, where, window),
    () => db.select({ n: count() }).from(providerApplications).innerJoin(organisations, eq(organisations.id, providerApplications.organisationId)).where(where),
  );
}

/** An application the actor may see (the hub's, or the provider's own); anything else is "not found". */
export async function loadVisibleApplication(db: Db, actor: Actor, framework: FrameworkRow, applicationId: string): Promise<ApplicationDetail> {
  const [detail] = await applicationDetails(db, and(eq(providerApplications.id, applicationId), eq(providerApplications.frameworkId, framework.id)));
  if (!detail || !canSeeApplication(actor, framework, detail.application)) throw notFound("The application");
  return detail;
}

/** A provider's prices on a framework, each with its band's current ceiling. */
export function listProviderPrices(db: Db, frameworkId: string, organisationId: string) {
  return db
    .select({
      lotNumber: lots.number,
      band: providerBandPrices.band,
      weeklyPricePence: providerBandPrices.weeklyPricePence,
      weeklyCeilingPence: priceBands.weeklyCeilingPence,
      updatedAt: providerBandPrices.updatedAt,
    })
    .from(providerBandPrices)
    .innerJoin(lots, eq(lots.id, providerBandPrices.lotId))
    .innerJoin(priceBands, and(eq(priceBands.lotId, lots.id), eq(priceBands.band, providerBandPrices.band)))
    .where(and(eq(lots.frameworkId, frameworkId), eq(providerBandPrices.organisationId, organisationId)))
    .orderBy(asc(lots.number), asc(providerBandPrices.band));
}
export type ProviderPriceRow = Awaited<ReturnType<typeof listProviderPrices>>[number];
