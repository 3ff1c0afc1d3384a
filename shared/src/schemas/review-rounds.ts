import { z } from "zod";
import { dateTime, plainText } from "./primitives";

export const VOTE_CHOICES = ["for", "against", "abstain"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

const text = (what: string, max: number) =>
  plainText()
    .trim()
    .min(1, { error: `Enter ${what}` })
    .max(max, { error: `${what[0]?.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer` });

/** The regional hub opens a review of a framework document for some councils' Parent Carer Forums. */
export const ReviewRoundCreateSchema = z
  .object({
    frameworkId: z.uuid({ error: "Choose the framework" }),
    title: text("a title", 200),
    summary: text("a summary", 2000),
    opensAt: dateTime({ error: "Enter when the round opens" }),
    closesAt: dateTime({ error: "Enter when the round closes" }),
    forumIds: z.array(z.uuid()).min(1, { error: "Choose at least one Parent Carer Forum" }),
    sections: z
      .array(z.object({ heading: text("a heading", 200), body: text("the section's text", 20_000) }).strict())
      .min(1, { error: "Add at least one section" }),
    proposals: z.array(z.object({ title: text("a proposal", 300), description: plainText().trim().max(2000).default("") }).strict()).default([]),
    criteria: z.array(z.object({ name: text("a quality criterion", 300), description: plainText().trim().max(2000).default("") }).strict()).default([]),
  })
  .strict()
  .refine((r) => new Date(r.closesAt) > new Date(r.opensAt), { path: ["closesAt"], error: "The round must close after it opens" });
export type ReviewRoundCreateInput = z.infer<typeof ReviewRoundCreateSchema>;

export const ReviewRoundSummarySchema = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  title: z.string(),
  summary: z.string(),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  /** By the database clock at the time of the request. */
  state: z.enum(["upcoming", "open", "closed"]),
  forums: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export const ReviewRoundListSchema = z.object({ data: z.array(ReviewRoundSummarySchema) });

/**
 * What other people added to a round since this panel member last opened it (their own
 * comments never count). Before their first visit, everything by others is new.
 */
export const ReviewRoundChangesSchema = z.object({
  round: ReviewRoundSummarySchema,
  /** When they last had the round open; null if they never have. */
  lastVisitAt: z.iso.datetime().nullable(),
  /** Comments and replies by others, not counting any the hub has hidden. */
  newComments: z.number().int(),
  /** "You said, we did" themes the hub added. */
  newThemes: z.number().int(),
  /** Themes seen before whose answer, title or comments the hub has changed. */
  changedThemes: z.number().int(),
  /** It closed since, so its summary is now public. */
  closedSinceLastVisit: z.boolean(),
});
export type ReviewRoundChanges = z.infer<typeof ReviewRoundChangesSchema>;
export const ReviewRoundChangesListSchema = z.object({ data: z.array(ReviewRoundChangesSchema) });
export const ReviewRoundVisitResponseSchema = z.object({ data: z.object({ roundId: z.uuid(), lastVisitAt: z.iso.datetime() }) });

export const VoteTotalsSchema = z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() });

export const ReviewCommentSchema = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  parentId: z.uuid().nullable(),
  /** Null when the hub has hidden it, except for its author and the hub. */
  body: z.string().nullable(),
  /** Never the person: only which forum they speak for. */
  forumName: z.string(),
  mine: z.boolean(),
  hidden: z.boolean(),
  /** Why the hub hid it: shown to its author and the hub. */
  hiddenReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;
export const ReviewCommentResponseSchema = z.object({ data: ReviewCommentSchema });

export const ReviewCommentCreateSchema = z
  .object({
    sectionId: z.uuid({ error: "Choose the section you are commenting on" }),
    parentId: z.uuid().optional(),
    body: text("your comment", 2000),
  })
  .strict();

export const ReviewCommentModerationSchema = z
  .object({ hidden: z.boolean(), reason: plainText().trim().max(1000).optional() })
  .strict()
  .refine((m) => !m.hidden || (m.reason ?? "").length > 0, { path: ["reason"], error: "Give the reason; the author will see it" });

/** "You said, we did": the hub groups comments into themes and answers each. */
export const ReviewThemeSchema = z.object({ id: z.uuid(), title: z.string(), answer: z.string(), commentIds: z.array(z.uuid()) });
export const ReviewThemeSaveSchema = z
  .object({ title: text("the theme", 300), answer: plainText().trim().max(5000).default(""), commentIds: z.array(z.uuid()).default([]) })
  .strict();

export const ReviewRoundSchema = ReviewRoundSummarySchema.extend({
  comments: z.array(ReviewCommentSchema),
  themes: z.array(ReviewThemeSchema),
  sections: z.array(z.object({ id: z.uuid(), position: z.number().int(), heading: z.string(), body: z.string() })),
  proposals: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      title: z.string(),
      description: z.string(),
      totals: VoteTotalsSchema,
      myVote: z.enum(VOTE_CHOICES).nullable(),
    }),
  ),
  criteria: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      name: z.string(),
      description: z.string(),
      averageRating: z.number().nullable(),
      ratings: z.number().int(),
      myRating: z.number().int().nullable(),
    }),
  ),
});
export type ReviewRound = z.infer<typeof ReviewRoundSchema>;
export const ReviewRoundResponseSchema = z.object({ data: ReviewRoundSchema });

export const VoteSchema = z.object({ choice: z.enum(VOTE_CHOICES, { error: "Choose for, against or abstain" }) }).strict();
export const RatingSchema = z
  .object({
    rating: z
      .number({ error: "Choose a rating from 1 to 5" })
      .int({ error: "Choose a rating from 1 to 5" })
      .min(1, { error: "Choose a rating from 1 to 5" })
      .max(5, { error: "Choose a rating from 1 to 5" }),
  })
  .strict();

/** What anyone may read once a round has closed: themes and answers, votes and ratings — never who said what. */
export const PublicReviewSummarySchema = z.object({
  data: z.object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    closedAt: z.iso.datetime(),
    forums: z.array(z.string()),
    themes: z.array(z.object({ title: z.string(), answer: z.string(), comments: z.number().int() })),
    proposals: z.array(z.object({ title: z.string(), totals: VoteTotalsSchema })),
    criteria: z.array(z.object({ name: z.string(), averageRating: z.number().nullable(), ratings: z.number().int() })),
  }),
});
export const PublicReviewListSchema = z.object({ data: z.array(z.object({ id: z.uuid(), title: z.string(), closedAt: z.iso.datetime() })) });
