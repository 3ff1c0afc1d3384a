import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { FEEDBACK_ASPECTS, FEEDBACK_MINIMUM_REVIEWS, type SettingFeedbackListQuery, type SettingFeedbackSummary } from "@shared/schemas/setting-feedback";
import type { Db } from "../../db/client";
import { containing, pageOf } from "../../db/paged";
import { rowsOf } from "../../db/rows";
import { organisations, settingFeedback, settings } from "../../db/schema";
import { notFound } from "../../http/app-error";
import type { Member } from "../../http/require-actor";
import { isListed, loadSetting } from "../directory/queries";
import { canSeeSettingForFeedback, feedbackScope } from "./policy";

/** A listed setting in the actor's region; anything else is "not found". */
export async function loadListedSetting(db: Db, actor: Member, id: string) {
  const found = await loadSetting(db, id);
  if (!found || !canSeeSettingForFeedback(actor, found.owner, await isListed(db, id))) throw notFound("The setting");
  return found.setting;
}

/** Feedback the actor may see (`feedbackScope`) and `filter` admits, newest first, with its setting's and forum's names. */
function visibleFeedback(db: Db, actor: Member, filter: SQL | undefined) {
  const forum = organisations;
  const scope = feedbackScope(actor);
  const where = and(filter, "regionId" in scope ? eq(forum.regionId, scope.regionId) : eq(settingFeedback.authorUserId, scope.authorUserId));
  const joined = <T extends PgSelect>(q: T) =>
    q.innerJoin(settings, eq(settings.id, settingFeedback.settingId)).innerJoin(forum, eq(forum.id, settingFeedback.authorOrganisationId)).where(where);
  return {
    rows: () =>
      joined(
        db
          .select({ feedback: settingFeedback, settingName: settings.name, forumName: forum.name, forumRegion: forum.regionId })
          .from(settingFeedback)
          .$dynamic(),
      ).orderBy(desc(settingFeedback.createdAt), desc(settingFeedback.id)),
    count: () => joined(db.select({ n: count() }).from(settingFeedback).$dynamic()),
  };
}

/** One piece of feedback the actor may see (none if not theirs to see). */
export const loadVisibleFeedback = (db: Db, actor: Member, id: string) => visibleFeedback(db, actor, eq(settingFeedback.id, id)).rows();

/** One page of the feedback the actor may see: search by setting or forum; filter by status (pending: waiting for moderation). */
export function listVisibleFeedback(db: Db, actor: Member, query: SettingFeedbackListQuery) {
  const statuses = query.status ?? [];
  const { rows, count: counted } = visibleFeedback(
    db,
    actor,
    and(
      statuses.length ? inArray(settingFeedback.status, statuses) : undefined,
      query.q ? or(ilike(settings.name, containing(query.q)), ilike(organisations.name, containing(query.q))) : undefined,
    ),
  );
  return pageOf(query.page, (w) => rows().limit(w.limit).offset(w.offset), counted);
}

/**
 * Averages of approved feedback per aspect — or nothing at all below the minimum, so that a
 * handful of families cannot be picked out from their ratings.
 */
export async function feedbackSummary(db: Db, settingId: string): Promise<SettingFeedbackSummary> {
  const [count] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM setting_feedback WHERE setting_id = ${settingId} AND status = 'approved'`);
  const approved = count?.n ?? 0;
  if (approved < FEEDBACK_MINIMUM_REVIEWS) return { settingId, suppressed: true, minimumReviews: FEEDBACK_MINIMUM_REVIEWS };
  const averages = await rowsOf<{ aspect: string; average: number | null; ratings: number }>(
    db,
    sql`SELECT a.aspect, round(avg((f.ratings ->> a.aspect)::numeric), 1)::float8 AS average, count(f.ratings ->> a.aspect)::int AS ratings
        FROM unnest(${sql.raw(`ARRAY[${FEEDBACK_ASPECTS.map((a) => `'${a}'`).join(",")}]`)}::text[]) AS a(aspect)
        LEFT JOIN setting_feedback f ON f.setting_id = ${settingId} AND f.status = 'approved'
        GROUP BY a.aspect`,
  );
  return {
    settingId,
    suppressed: false,
    minimumReviews: FEEDBACK_MINIMUM_REVIEWS,
    approvedReviews: approved,
    aspects: FEEDBACK_ASPECTS.map((aspect) => {
      const row = averages.find((a) => a.aspect === aspect);
      return { aspect, average: row?.average ?? null, ratings: row?.ratings ?? 0 };
    }),
  };
}

export async function loadFeedbackRow(db: Db, id: string) {
  const [row] = await db.select().from(settingFeedback).where(eq(settingFeedback.id, id));
  return row;
}
