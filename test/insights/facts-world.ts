import { sql } from "drizzle-orm";
import type { OutcomeScore, ReviewRisk } from "@shared/codes/outcomes";
import type { ChildRisk } from "@shared/schemas/children";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { buildChild } from "../factories/children";
import { buildSetting } from "../factories/directory";
import { buildFramework } from "../factories/frameworks";
import { buildOrganisation, buildRegion } from "../factories/organisations";

/** A region with a framework (ceilings by testCeiling: lot N band E is N × £1,000 + £2,000), a council and a provider. */
export async function buildFactsRegion(db: Db) {
  const region = await buildRegion(db);
  await buildFramework(db, { regionId: region.id });
  const council = await buildOrganisation(db, { kind: "council", regionId: region.id });
  const provider = await buildOrganisation(db, { kind: "provider", regionId: region.id });
  return { regionId: region.id, councilId: council.id, councilLaCode: council.laCode!, providerId: provider.id };
}
export type FactsRegion = Awaited<ReturnType<typeof buildFactsRegion>>;

export interface PlacementSpec {
  lot?: number;
  fee?: number;
  risks?: ChildRisk[];
  deprivationOfLiberty?: boolean | null;
  homeOutcode?: string;
  neededBy?: string;
  settingPostcode?: string;
  settingLaCode?: string | null;
  risksManaged?: string[];
  ofstedGrade?: number | null;
  startDate?: string;
  offers?: number;
}

/**
 * A placement made by an awarded request, written straight to the tables (the facts read the
 * tables, not the commands), with what a test wants to vary.
 */
export async function buildFactsPlacement(db: Db, world: FactsRegion, spec: PlacementSpec = {}) {
  const lot = spec.lot ?? 1;
  const setting = await buildSetting(db, {
    organisationId: world.providerId,
    lotNumbers: [lot],
    postcode: spec.settingPostcode ?? "M14 5RG",
    laCode: spec.settingLaCode === undefined ? world.councilLaCode : spec.settingLaCode,
    risksManaged: spec.risksManaged ?? [],
    ofstedGrade: spec.ofstedGrade === undefined ? 2 : spec.ofstedGrade,
  });
  const child = await buildChild(db, {
    organisationId: world.councilId,
    lotNumber: lot as 1,
    risks: spec.risks ?? [],
    homeOutcode: spec.homeOutcode ?? "M14",
    neededBy: spec.neededBy ?? "2026-01-05",
    requirements: {
      communicationNeeds: "Not Specified",
      specificCommunicationRequirements: ["None"],
      homeAdaptation: false,
      culturalNeeds: "Not Known",
      livingCompanions: "No preference",
      pets: "Not Known",
      additionalSupport: null,
      deprivationOfLiberty: spec.deprivationOfLiberty ?? null,
    },
  });
  const [request] = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO placement_requests (organisation_id, child_id, lot_number, mode, state, deadline, quality_weight, price_weight, criteria,
          opened_at, closed_at, awarded_at)
        VALUES (${world.councilId}, ${child.id}, ${lot}, 'sealed', 'awarded', '2025-12-15T12:00:00Z', 60, 40, '[]',
          '2025-12-01T09:00:00Z', '2025-12-15T12:00:00Z', '2025-12-21T10:00:00Z') RETURNING id`,
  );
  for (let i = 0; i < (spec.offers ?? 1); i++) {
    const offering = i === 0 ? setting : await buildSetting(db, { organisationId: world.providerId, lotNumbers: [lot] });
    await db.execute(
      sql`INSERT INTO request_invitations (request_id, setting_id, organisation_id, status) VALUES (${request!.id}, ${offering.id}, ${world.providerId}, 'offered')`,
    );
    await db.execute(sql`INSERT INTO offers (request_id, setting_id, organisation_id) VALUES (${request!.id}, ${offering.id}, ${world.providerId})`);
  }
  const [placement] = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO placements (request_id, child_id, council_id, setting_id, provider_id, weekly_fee_pence, start_date)
        VALUES (${request!.id}, ${child.id}, ${world.councilId}, ${setting.id}, ${world.providerId}, ${spec.fee ?? 150_000}, ${spec.startDate ?? "2026-01-12"})
        RETURNING id`,
  );
  return { placementId: placement!.id, requestId: request!.id, childId: child.id, settingId: setting.id };
}

export interface ReviewSpec {
  kind: "baseline" | "review";
  date: string;
  scores?: OutcomeScore[];
  risks?: ReviewRisk[];
  incidents?: Record<string, number>;
  status?: "draft" | "submitted";
}

export async function buildReview(db: Db, world: FactsRegion, placementId: string, spec: ReviewSpec) {
  const submitted = (spec.status ?? "submitted") === "submitted";
  await db.execute(sql`
    INSERT INTO outcome_reviews (placement_id, council_id, kind, status, review_date, scores, incidents, risks, submitted_at)
    VALUES (${placementId}, ${world.councilId}, ${spec.kind}, ${spec.status ?? "submitted"}, ${spec.date}, ${JSON.stringify(spec.scores ?? [])}::jsonb,
      ${JSON.stringify(spec.incidents ?? {})}::jsonb, ${JSON.stringify(spec.risks ?? [])}::jsonb, ${submitted ? sql`now()` : null})`);
}

/** The stored fact of a placement, as the insights read it. */
export async function factOf(db: Db, placementId: string) {
  const [row] = await db.query.placementFacts.findMany({ where: (f, { eq }) => eq(f.placementId, placementId) });
  return row;
}
