import { asc, eq, inArray } from "drizzle-orm";
import type { ReviewComment } from "../../../../shared/src/schemas/review-rounds";
import type { Db } from "../../db/client";
import { organisations, reviewComments, reviewThemeComments, reviewThemes } from "../../db/schema";
import type { Actor } from "../identity/actor";

type CommentRow = typeof reviewComments.$inferSelect;

/** A comment as this viewer may see it: a hidden one keeps its text only for its author and the hub. */
export function presentComment(row: CommentRow, forumName: string, viewer: Pick<Actor, "userId" | "role">): ReviewComment {
  const privileged = viewer.role === "regional_admin" || viewer.userId === row.authorUserId;
  return {
    id: row.id,
    sectionId: row.sectionId,
    parentId: row.parentId,
    body: row.hiddenAt && !privileged ? null : row.body,
    forumName,
    mine: viewer.userId === row.authorUserId,
    hidden: row.hiddenAt !== null,
    hiddenReason: privileged ? row.hiddenReason : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function roundComments(db: Db, roundId: string, viewer: Pick<Actor, "userId" | "role">): Promise<ReviewComment[]> {
  const rows = await db
    .select({ comment: reviewComments, forumName: organisations.name })
    .from(reviewComments)
    .innerJoin(organisations, eq(organisations.id, reviewComments.authorOrganisationId))
    .where(eq(reviewComments.roundId, roundId))
    .orderBy(asc(reviewComments.createdAt));
  return rows.map((r) => presentComment(r.comment, r.forumName, viewer));
}

export async function roundThemes(db: Db, roundId: string) {
  const themes = await db.select().from(reviewThemes).where(eq(reviewThemes.roundId, roundId)).orderBy(asc(reviewThemes.createdAt));
  const links = themes.length
    ? await db.select().from(reviewThemeComments).where(inArray(reviewThemeComments.themeId, themes.map((t) => t.id)))
    : [];
  return themes.map((t) => ({ id: t.id, title: t.title, answer: t.answer, commentIds: links.filter((l) => l.themeId === t.id).map((l) => l.commentId) }));
}
