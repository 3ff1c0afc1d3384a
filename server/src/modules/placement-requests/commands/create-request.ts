import { sql } from "drizzle-orm";
import { DEFAULT_QUALITY_CRITERIA } from "@shared/codes/tenders";
import type { ValidationIssue } from "@shared/errors";
import { formatDateTime } from "@shared/format-date";
import type { RequestCreateInput } from "@shared/schemas/placement-requests";
import type { Db } from "../../../db/client";
import { isoDate } from "../../../db/dates";
import { rowsOf } from "../../../db/rows";
import { type ChildProfileRow, type PlacementRequestRow, placementRequests, requestInvitations } from "../../../db/schema";
import { validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import { LISTED_SQL } from "../../directory/queries";
import type { Actor } from "../../identity/actor";
import { tellInvited } from "../../notifications/tenders";
import { databaseNow } from "../queries";

type Commissioner = Actor & { organisationId: string; regionId: string };

/** Settings listed in the region on the lot: the only ones a request may invite. */
async function eligibleSettings(db: Db, regionId: string, lot: number, ids?: string[]) {
  return rowsOf<{ id: string; organisation_id: string }>(
    db,
    sql`SELECT s.id, s.organisation_id FROM settings s JOIN organisations o ON o.id = s.organisation_id
        WHERE o.region_id = ${regionId} AND ${lot}::int = ANY(s.lot_numbers) AND ${LISTED_SQL("s")}
          AND EXISTS (SELECT 1 FROM lot_admissions la JOIN lots l ON l.id = la.lot_id JOIN frameworks f ON f.id = l.framework_id
                      WHERE la.organisation_id = s.organisation_id AND la.status = 'admitted' AND l.number = ${lot} AND f.region_id = ${regionId})
          ${
            ids
              ? sql`AND s.id IN (${sql.join(
                  ids.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`
              : sql``
          }`,
  );
}

async function bandCeiling(db: Db, regionId: string, lot: number, band: string | null): Promise<number | null> {
  if (!band) return null;
  const [row] = await rowsOf<{ pence: number }>(
    db,
    sql`SELECT pb.weekly_ceiling_pence AS pence FROM price_bands pb JOIN lots l ON l.id = pb.lot_id JOIN frameworks f ON f.id = l.framework_id
        WHERE f.region_id = ${regionId} AND l.number = ${lot} AND pb.band = ${band} LIMIT 1`,
  );
  return row ? Number(row.pence) : null;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export interface CreateRequestProps {
  db: Db;
  actor: Commissioner;
  child: ChildProfileRow;
  input: RequestCreateInput;
  ip?: string | undefined;
}

/** A mini-competition for a child: invitations to listed settings on the lot, open straight away unless kept as a draft. */
export async function createRequest({ db, actor, child, input, ip }: CreateRequestProps): Promise<PlacementRequestRow> {
  const issues: ValidationIssue[] = [];
  const lot = input.lotNumber ?? child.lotNumber;
  if (!lot) issues.push({ path: "body.lotNumber", message: "Choose the lot: the child's profile has no placement type" });
  const now = await databaseNow(db);
  if (Date.parse(input.deadline) <= now.getTime())
    issues.push({ path: "body.deadline", message: `The deadline must be after the time now, ${formatDateTime(now)}: enter a later date and time` });
  if (input.questionsCloseAt && Date.parse(input.questionsCloseAt) <= now.getTime())
    issues.push({ path: "body.questionsCloseAt", message: "Questions must close in the future: choose a later time, or leave it empty for the default" });
  if (input.mode === "urgent") {
    const neededBy = isoDate(child.neededBy);
    if (!neededBy || daysBetween(now.toISOString().slice(0, 10), neededBy) > 5) {
      issues.push({
        path: "body.mode",
        message: `Urgent requests are for placements needed within 5 days; this child is needed by ${neededBy ?? "no date yet"}`,
      });
    }
  }
  const eligible = lot ? await eligibleSettings(db, actor.regionId, lot, input.inviteAll ? undefined : input.settingIds) : [];
  if (lot && !input.inviteAll) {
    const found = new Set(eligible.map((s) => s.id));
    (input.settingIds ?? []).forEach((id, i) => {
      if (!found.has(id)) issues.push({ path: `body.settingIds.${i}`, message: `This setting is not listed on lot ${lot} in the region's directory` });
    });
  }
  if (lot && input.inviteAll && eligible.length === 0) issues.push({ path: "body.inviteAll", message: `No listed setting is on lot ${lot} yet` });
  if (issues.length > 0 || !lot) throw validationFailed(issues);

  const ceiling = await bandCeiling(db, actor.regionId, lot, child.priceBand);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(placementRequests)
      .values({
        organisationId: actor.organisationId,
        childId: child.id,
        lotNumber: lot,
        priceBand: child.priceBand,
        bandCeilingPence: ceiling,
        mode: input.mode,
        state: input.open ? "open" : "draft",
        deadline: new Date(input.deadline),
        qualityWeight: input.weights.quality,
        priceWeight: input.weights.price,
        criteria: input.criteria ?? DEFAULT_QUALITY_CRITERIA.map((c) => ({ ...c })),
        questionsCloseAt: input.questionsCloseAt ? new Date(input.questionsCloseAt) : null,
        openedAt: input.open ? now : null,
        standstillDays: input.standstillDays,
        // A reason is kept only where it is needed: no standstill at all.
        standstillReason: input.standstillDays === 0 ? input.standstillReason : null,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error("request insert returned nothing");
    await tx
      .insert(requestInvitations)
      .values([...new Map(eligible.map((s) => [s.id, s])).values()].map((s) => ({ requestId: row.id, settingId: s.id, organisationId: s.organisation_id })));
    await recordAudit(tx, {
      action: input.open ? "placement_request.open" : "placement_request.draft",
      recordType: "placement_request",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: {
        childId: child.id,
        lot,
        mode: input.mode,
        invited: eligible.length,
        standstillDays: input.standstillDays,
        ...(input.standstillDays === 0 ? { standstillReason: input.standstillReason ?? null } : {}),
      },
    });
    if (input.open) await tellInvited(tx, row);
    return row;
  });
}
