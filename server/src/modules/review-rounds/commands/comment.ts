import { and, eq, inArray, sql } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import { personalDataIn } from "@shared/personal-data";
import type { Db } from "../../../db/client";
import { reviewComments, reviewRounds, reviewSections, reviewThemeComments, reviewThemes } from "../../../db/schema";
import { conflict, notFound, validationFailed } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { queueLive } from "../../../realtime/live-outbox";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { commentModerated, roundSummaryPublished } from "../../notifications/messages/others";
import { notify } from "../../notifications/notify";
import { panelOf } from "../../notifications/round-announcer";
import type { RoundHeader } from "../queries";

export interface AddCommentProps {
  db: Db;
  /** A panel member of a forum taking part. */
  actor: Member;
  round: RoundHeader;
  input: { sectionId: string; parentId?: string | undefined; body: string };
}

/** A comment on a section (or a reply), while the round is open, without anything that identifies a person. */
export async function addComment({ db, actor, round, input }: AddCommentProps) {
  if (round.state !== "open")
    throw conflict(
      `This round is ${round.state === "upcoming" ? "not open yet" : "closed"}; comments are taken while it is open.`,
      DomainErrorCode.RoundNotOpen,
    );
  const found = personalDataIn(input.body);
  if (found.length > 0)
    throw validationFailed([{ path: "body.body", message: `Remove ${found.join(" and ")} before posting: comments must not identify anyone` }]);
  const [section] = await db
    .select({ id: reviewSections.id })
    .from(reviewSections)
    .where(and(eq(reviewSections.id, input.sectionId), eq(reviewSections.roundId, round.round.id)));
  if (!section) throw validationFailed([{ path: "body.sectionId", message: "Choose a section of this round" }]);
  if (input.parentId) {
    const [parent] = await db
      .select({ id: reviewComments.id })
      .from(reviewComments)
      .where(and(eq(reviewComments.id, input.parentId), eq(reviewComments.sectionId, input.sectionId)));
    if (!parent) throw validationFailed([{ path: "body.parentId", message: "Reply to a comment on the same section" }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviewComments)
      .values({
        roundId: round.round.id,
        sectionId: input.sectionId,
        parentId: input.parentId ?? null,
        authorUserId: actor.userId,
        authorOrganisationId: actor.organisationId,
        body: input.body,
      })
      .returning();
    if (!row) throw new Error("comment insert returned nothing");
    await queueLive(tx, "review:comment", { commentId: row.id });
    return row;
  });
}

export interface ModerateCommentProps {
  db: Db;
  actor: Actor;
  commentId: string;
  hidden: boolean;
  reason?: string | undefined;
  ip?: string | undefined;
}

/** The hub hides a comment with a reason its author sees, or shows it again; audited either way. */
export async function moderateComment({ db, actor, commentId, hidden, reason, ip }: ModerateCommentProps) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ hiddenAt: reviewComments.hiddenAt }).from(reviewComments).where(eq(reviewComments.id, commentId)).for("update");
    const [row] = await tx
      .update(reviewComments)
      .set(hidden ? { hiddenAt: new Date(), hiddenReason: reason ?? "", hiddenBy: actor.userId } : { hiddenAt: null, hiddenReason: null, hiddenBy: null })
      .where(eq(reviewComments.id, commentId))
      .returning();
    if (!row) throw notFound("The comment");
    await recordAudit(tx, {
      action: hidden ? "review_comment.hide" : "review_comment.show",
      recordType: "review_comment",
      recordId: commentId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      reason: reason ?? null,
    });
    await queueLive(tx, "review:comment", { commentId });
    // To its author only, and only when it changes: hiding a hidden comment again tells no one.
    // `about` names the hiding (when it was hidden), so hiding again after showing is told again.
    const [round] = await tx.select({ id: reviewRounds.id, title: reviewRounds.title }).from(reviewRounds).where(eq(reviewRounds.id, row.roundId));
    const hiding = hidden ? row.hiddenAt : before?.hiddenAt;
    if (round && hiding && Boolean(before?.hiddenAt) !== hidden)
      await notify(tx, {
        kind: "moderation_decided",
        userIds: [row.authorUserId],
        about: `comment-${hidden ? "hidden" : "shown"}:${row.id}:${hiding.toISOString()}`,
        ...commentModerated(round, hidden),
      });
    return row;
  });
}

export interface SaveThemeProps {
  db: Db;
  actor: Actor;
  round: RoundHeader;
  themeId?: string;
  input: { title: string; answer: string; commentIds: string[] };
}

/** Creates or replaces a theme and the comments it groups (which must be this round's). */
export async function saveTheme({ db, actor, round, themeId, input }: SaveThemeProps) {
  const ids = [...new Set(input.commentIds)];
  const ours = ids.length
    ? await db
        .select({ id: reviewComments.id })
        .from(reviewComments)
        .where(and(inArray(reviewComments.id, ids), eq(reviewComments.roundId, round.round.id)))
    : [];
  if (ours.length !== ids.length) throw validationFailed([{ path: "body.commentIds", message: "Group only comments made in this round" }]);
  return db.transaction(async (tx) => {
    // Stamped by the database clock, as the visit markers it is compared with are.
    const [theme] = themeId
      ? await tx
          .update(reviewThemes)
          .set({ title: input.title, answer: input.answer, updatedAt: sql`now()` })
          .where(and(eq(reviewThemes.id, themeId), eq(reviewThemes.roundId, round.round.id)))
          .returning()
      : await tx.insert(reviewThemes).values({ roundId: round.round.id, title: input.title, answer: input.answer }).returning();
    if (!theme) throw notFound("The theme");
    await tx.delete(reviewThemeComments).where(eq(reviewThemeComments.themeId, theme.id));
    if (ids.length) await tx.insert(reviewThemeComments).values(ids.map((commentId) => ({ themeId: theme.id, commentId })));
    await recordAudit(tx, {
      action: "review_theme.save",
      recordType: "review_theme",
      recordId: theme.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      details: { roundId: round.round.id, comments: ids.length },
    });
    // The summary is public once the round has closed; the first answer given after that is the
    // hub publishing it, told once a round (answers given before the close go out with round_closed).
    if (round.state === "closed")
      await notify(tx, {
        kind: "round_summary_published",
        userIds: await panelOf(tx, round.round.id),
        about: `round-summary:${round.round.id}`,
        ...roundSummaryPublished(round.round),
      });
    return theme;
  });
}
