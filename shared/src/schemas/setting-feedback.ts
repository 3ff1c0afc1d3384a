import { z } from "zod";
import { listFilter, ListMetaSchema, listQuery } from "./list-query";
import { plainText } from "./primitives";

/** What parent carer panel members rate a setting on (1 poor to 5 excellent). */
export const FEEDBACK_ASPECTS = ["meeting_needs", "communication_with_families", "safety_and_wellbeing", "inclusion_and_activities", "transitions"] as const;
export type FeedbackAspect = (typeof FEEDBACK_ASPECTS)[number];
export const FEEDBACK_ASPECT_LABELS: Record<FeedbackAspect, string> = {
  meeting_needs: "Meeting children's needs",
  communication_with_families: "Communication with families",
  safety_and_wellbeing: "Safety and wellbeing",
  inclusion_and_activities: "Inclusion and activities",
  transitions: "Transitions (starting and leaving)",
};

/** Aggregates stay hidden until this many approved reviews exist, so no family can be singled out. */
export const FEEDBACK_MINIMUM_REVIEWS = 5;

const rating = z
  .number({ error: "Choose a rating from 1 to 5" })
  .int({ error: "Choose a rating from 1 to 5" })
  .min(1, { error: "Choose a rating from 1 to 5" })
  .max(5, { error: "Choose a rating from 1 to 5" });

export const SettingFeedbackCreateSchema = z
  .object({
    ratings: z
      .object(Object.fromEntries(FEEDBACK_ASPECTS.map((a) => [a, rating.optional()])) as Record<FeedbackAspect, z.ZodOptional<typeof rating>>)
      .strict()
      .refine((r) => Object.values(r).some((v) => v !== undefined), { error: "Rate at least one aspect" }),
    comment: plainText().trim().min(1, { error: "Enter your feedback" }).max(2000, { error: "Feedback must be 2000 characters or fewer" }),
  })
  .strict();
export type SettingFeedbackCreateInput = z.infer<typeof SettingFeedbackCreateSchema>;

export const SettingFeedbackSchema = z.object({
  id: z.uuid(),
  settingId: z.uuid(),
  settingName: z.string(),
  /** The author's Parent Carer Forum; the person is never shown. */
  forumName: z.string(),
  ratings: z.record(z.string(), z.number().int()),
  comment: z.string(),
  status: z.enum(["pending", "approved", "rejected"]),
  /** The moderator's reason, shown to the author when feedback is rejected. */
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  moderatedAt: z.iso.datetime().nullable(),
});
export type SettingFeedback = z.infer<typeof SettingFeedbackSchema>;
export const SettingFeedbackResponseSchema = z.object({ data: SettingFeedbackSchema });
export const SettingFeedbackListSchema = z.object({ data: z.array(SettingFeedbackSchema), meta: ListMetaSchema });
export const FEEDBACK_STATUSES = ["pending", "approved", "rejected"] as const;
/** `status=pending` is "waiting for moderation"; `q` searches the setting's name and the forum's. */
export const SettingFeedbackListQuerySchema = listQuery({ status: listFilter(FEEDBACK_STATUSES, "Choose pending, approved or rejected").optional() });
export type SettingFeedbackListQuery = z.infer<typeof SettingFeedbackListQuerySchema>;

export const SettingFeedbackModerationSchema = z
  .object({
    decision: z.enum(["approved", "rejected"], { error: "Choose approve or reject" }),
    reason: plainText().trim().max(1000).optional(),
  })
  .strict()
  .refine((m) => m.decision === "approved" || (m.reason ?? "").length > 0, { path: ["reason"], error: "Give the reason the author will see" });

/** Aggregates only: with fewer than the minimum approved reviews, nothing at all (not even the count). */
export const SettingFeedbackSummarySchema = z.object({
  data: z.discriminatedUnion("suppressed", [
    z.object({ settingId: z.uuid(), suppressed: z.literal(true), minimumReviews: z.number().int() }),
    z.object({
      settingId: z.uuid(),
      suppressed: z.literal(false),
      minimumReviews: z.number().int(),
      approvedReviews: z.number().int(),
      aspects: z.array(z.object({ aspect: z.enum(FEEDBACK_ASPECTS), average: z.number().nullable(), ratings: z.number().int() })),
    }),
  ]),
});
export type SettingFeedbackSummary = z.infer<typeof SettingFeedbackSummarySchema>["data"];
