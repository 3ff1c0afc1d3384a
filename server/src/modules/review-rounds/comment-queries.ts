import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { organisations, reviewComments, reviewThemeComments, reviewThemes } from "../../db/schema";

/** A comment with the name of the forum it came from. */
export interface CommentWithForum {
  comment: typeof reviewComments.$inferSelect;
  forumName: string;
}

/** A round's comments, oldest first, hidden ones included (presentComment decides what each viewer sees of them). */
export function roundComments(db: Db, roundId: string): Promise<CommentWithForum[]> {
  return db
    .select({ comment: reviewComments, forumName: organisations.name })
    .from(reviewComments)
    .innerJoin(organisations, eq(organisations.id, reviewComments.authorOrganisationId))
    .where(eq(reviewComments.roundId, roundId))
    .orderBy(asc(reviewComments.createdAt));
}

export async function loadComment(db: Db, id: string): Promise<CommentWithForum | undefined> {
  const [row] = await db
    .select({ comment: reviewComments, forumName: organisations.name })
    .from(reviewComments)
    .innerJoin(organisations, eq(organisations.id, reviewComments.authorOrganisationId))
    .where(eq(reviewComments.id, id));
  return row;
}

export async function roundThemes(db: Db, roundId: string) {
  const themes = await db.select().from(reviewThemes).where(eq(reviewThemes.roundId, roundId)).orderBy(asc(reviewThemes.createdAt));
  const links = themes.length
    ? await db
        .select()
        .from(reviewThemeComments)
        .where(
          inArray(
            reviewThemeComments.themeId,
            themes.map((t) => t.id),
          ),
        )
    : [];
  return themes.map((t) => ({ id: t.id, title: t.title, answer: t.answer, commentIds: links.filter((l) => l.themeId === t.id).map((l) => l.commentId) }));
}
