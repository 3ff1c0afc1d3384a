import { z } from "zod";
import { CHILD_SEXES, RISK_TRAJECTORIES } from "../codes/children";
import { PDS_RISK_CODES, STAFFING_RATIOS, THERAPIES } from "../codes/directory";
import { PRICE_BAND_CODES } from "../codes/price-bands";
import { DECLINE_REASONS, INVITATION_STATUSES, PLACEMENT_END_REASONS, REQUEST_MODES, REQUEST_STATES } from "../codes/tenders";
import { ChildRecommendationSchema, ChildRequirementsSchema } from "./children";
import { calendarDate, dateTime, plainText } from "./primitives";
import { LotNumberSchema, NeedCodeSchema } from "./settings";

const pence = (what: string) =>
  z
    .number({ error: `Enter ${what} in pence` })
    .int({ error: `Enter ${what} in whole pence` })
    .min(0, { error: `${what} cannot be negative` })
    .max(10_000_000, { error: `${what} looks too large` });
const text = (what: string, max: number) =>
  plainText({ error: `Enter ${what}` })
    .trim()
    .max(max, { error: `${what} must be ${max} characters or fewer` });

export const CriterionSchema = z
  .object({
    id: plainText().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: "A criterion id is 2 to 40 lower-case letters, digits or _" }),
    label: text("the criterion", 200).min(1, { error: "Enter the criterion" }),
  })
  .strict();
export type Criterion = z.infer<typeof CriterionSchema>;

/** A commissioner makes a request from a child's profile. */
export const RequestCreateSchema = z
  .object({
    childId: z.uuid({ error: "Choose the child" }),
    /** Defaults to the profile's placement type. */
    lotNumber: LotNumberSchema.optional(),
    /** The settings to invite (e.g. the shortlist); omit and set inviteAll to invite every eligible setting on the lot. */
    settingIds: z
      .array(z.uuid({ error: "Not a valid setting id" }))
      .max(200)
      .optional(),
    inviteAll: z.boolean().default(false),
    deadline: dateTime({ offset: true, error: "Enter the deadline as a date and time, like 2026-12-01T12:00:00Z" }),
    mode: z.enum(REQUEST_MODES, { error: "Choose sealed, urgent or ranked" }).default("sealed"),
    weights: z
      .object({ quality: z.number().int().min(0).max(100), price: z.number().int().min(0).max(100) })
      .strict()
      .refine((w) => w.quality + w.price === 100, { error: "Quality and price weights must add up to 100" })
      .default({ quality: 70, price: 30 }),
    criteria: z
      .array(CriterionSchema)
      .min(1, { error: "Add at least one quality criterion" })
      .max(12)
      .refine((c) => new Set(c.map((x) => x.id)).size === c.length, { error: "Each criterion needs its own id" })
      .optional(),
    /** Open straight away (the default) or keep as a draft. */
    open: z.boolean().default(true),
  })
  .strict()
  .refine((r) => r.inviteAll || (r.settingIds?.length ?? 0) > 0, {
    path: ["settingIds"],
    error: "Choose settings to invite, or invite every eligible setting on the lot",
  });
export type RequestCreateInput = z.infer<typeof RequestCreateSchema>;

export const RequestCancelSchema = z
  .object({ reason: text("why the request is cancelled", 1000).min(1, { error: "Say why the request is cancelled: invited providers see it" }) })
  .strict();

export const DeclineSchema = z
  .object({
    settingId: z.uuid({ error: "Choose the setting" }),
    reason: z.enum(DECLINE_REASONS, { error: "Choose a reason" }),
    note: text("a note", 1000).optional(),
  })
  .strict();
export type DeclineInput = z.infer<typeof DeclineSchema>;

export const FeeSchema = z
  .object({
    corePence: pence("the core fee"),
    staffingPence: pence("the staffing fee"),
    therapiesPence: pence("the therapies fee"),
    otherPence: pence("other costs"),
  })
  .strict();
export type Fee = z.infer<typeof FeeSchema>;
export const weeklyFee = (fee: Fee) => fee.corePence + fee.staffingPence + fee.therapiesPence + fee.otherPence;

/** An offer, or a revision of one (each is kept as a version). */
export const OfferSubmitSchema = z
  .object({
    settingId: z.uuid({ error: "Choose the setting the offer is for" }),
    fee: FeeSchema,
    startDate: calendarDate({ error: "Enter the start date as YYYY-MM-DD" }),
    /** How the offer meets each quality criterion, by criterion id. */
    criteria: z.record(plainText(), text("how you meet the criterion", 4000)),
    notes: text("notes", 4000).default(""),
    /** Required when the weekly fee is above the band's ceiling. */
    justification: text("the justification", 4000).optional(),
  })
  .strict();
export type OfferSubmitInput = z.infer<typeof OfferSubmitSchema>;

/** In a ranked request's price round: a lower weekly fee only. */
export const PriceRevisionSchema = z.object({ fee: FeeSchema, justification: text("the justification", 4000).optional() }).strict();

export const ClarificationAskSchema = z.object({ question: text("your question", 2000).min(1, { error: "Enter your question" }) }).strict();
export const ClarificationAnswerSchema = z
  .object({
    answer: text("the answer", 4000).min(1, { error: "Enter the answer" }),
    visibility: z.enum(["all", "private"], { error: "Choose to answer every invited provider or only the one who asked" }),
  })
  .strict();

export const ScoresSchema = z
  .object({
    scores: z
      .array(
        z
          .object({
            offerId: z.uuid(),
            criterionId: plainText(),
            score: z.number().int().min(0, { error: "Scores are 0 to 5" }).max(5, { error: "Scores are 0 to 5" }),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export const PriceRoundSchema = z.object({ closesAt: dateTime({ offset: true, error: "Enter when the price round closes" }) }).strict();
export const AwardSchema = z
  .object({
    offerId: z.uuid({ error: "Choose the offer to award" }),
    reasons: text("the reasons", 4000).min(1, { error: "Give the reasons for the award: every provider is told" }),
  })
  .strict();
export const PlacementEndSchema = z
  .object({
    endDate: calendarDate({ error: "Enter the end date as YYYY-MM-DD" }),
    reason: z.enum(PLACEMENT_END_REASONS, { error: "Choose how the placement ended" }),
  })
  .strict();

/** What invited providers see of the child: no reference, no month of birth, nothing free-text but section F. */
export const AnonymisedChildSchema = z.object({
  ageYears: z.number().int().nullable(),
  sex: z.enum(CHILD_SEXES).nullable(),
  primaryNeed: NeedCodeSchema.nullable(),
  secondaryNeeds: z.array(NeedCodeSchema),
  risksPresent: z.array(z.object({ code: z.enum(PDS_RISK_CODES), trajectory: z.enum(RISK_TRAJECTORIES) })),
  requirements: ChildRequirementsSchema,
  recommendation: ChildRecommendationSchema,
  sectionF: z.string(),
  staffingRatio: z.enum(STAFFING_RATIOS).nullable(),
  therapies: z.array(z.enum(THERAPIES)),
  homeOutcode: z.string().nullable(),
  neededBy: z.iso.date().nullable(),
});
export type AnonymisedChild = z.infer<typeof AnonymisedChildSchema>;

export const OfferVersionSchema = z.object({
  version: z.number().int(),
  fee: FeeSchema,
  weeklyFeePence: z.number().int(),
  startDate: z.iso.date(),
  criteria: z.record(z.string(), z.string()),
  notes: z.string(),
  justification: z.string().nullable(),
  submittedAt: z.iso.datetime(),
});
export type OfferVersion = z.infer<typeof OfferVersionSchema>;

export const OfferSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  settingId: z.uuid(),
  settingName: z.string(),
  organisationName: z.string(),
  status: z.enum(["active", "withdrawn"]),
  current: OfferVersionSchema,
  /** Earlier versions, oldest first (the author and, once open, the commissioner see them). */
  history: z.array(OfferVersionSchema),
});
export type Offer = z.infer<typeof OfferSchema>;

/** The author's receipt: what was stored, by the server's clock. */
export const OfferReceiptSchema = z.object({
  offerId: z.uuid(),
  requestId: z.uuid(),
  settingId: z.uuid(),
  version: z.number().int(),
  weeklyFeePence: z.number().int(),
  serverTime: z.iso.datetime(),
});
export type OfferReceipt = z.infer<typeof OfferReceiptSchema>;

/** What the commissioner sees of an invitation before offers open: status and times, never content. */
export const InvitationViewSchema = z.object({
  settingId: z.uuid(),
  settingName: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(INVITATION_STATUSES),
  invitedAt: z.iso.datetime(),
  viewedAt: z.iso.datetime().nullable(),
  declinedAt: z.iso.datetime().nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  /** When the latest offer version arrived (not its content). */
  offeredAt: z.iso.datetime().nullable(),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

export const ClarificationSchema = z.object({
  id: z.uuid(),
  question: z.string(),
  askedAt: z.iso.datetime(),
  /** The asker's organisation: only to the commissioner and the asker themselves. */
  askedBy: z.string().nullable(),
  answer: z.string().nullable(),
  visibility: z.enum(["all", "private"]).nullable(),
  answeredAt: z.iso.datetime().nullable(),
});
export type Clarification = z.infer<typeof ClarificationSchema>;

const ScoreRangeSchema = z.object({ low: z.number(), high: z.number() });

export const EvaluationRowSchema = z.object({
  offerId: z.uuid(),
  settingName: z.string(),
  organisationName: z.string(),
  weeklyFeePence: z.number().int(),
  scores: z.record(z.string(), z.number().int()),
  qualityScore: z.number(),
  /** Exact for the council; null for a provider, which gets the range (shared/src/tenders/evaluate.ts). */
  priceScore: z.number().nullable(),
  total: z.number().nullable(),
  priceScoreRange: ScoreRangeSchema.nullable(),
  totalRange: ScoreRangeSchema.nullable(),
  rank: z.number().int(),
});
export type EvaluationRow = z.infer<typeof EvaluationRowSchema>;

export const PlacementSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid().nullable(),
  childId: z.uuid(),
  settingId: z.uuid(),
  settingName: z.string(),
  organisationName: z.string(),
  weeklyFeePence: z.number().int(),
  startDate: z.iso.date(),
  reviewDates: z.array(z.iso.date()),
  endDate: z.iso.date().nullable(),
  endReason: z.enum(PLACEMENT_END_REASONS).nullable(),
  breakdown: z.boolean(),
});
export type Placement = z.infer<typeof PlacementSchema>;

export const RequestSummarySchema = z.object({
  id: z.uuid(),
  state: z.enum(REQUEST_STATES),
  mode: z.enum(REQUEST_MODES),
  lotNumber: z.number().int(),
  priceBand: z.enum(PRICE_BAND_CODES).nullable(),
  bandCeilingPence: z.number().int().nullable(),
  deadline: z.iso.datetime(),
  priceRoundClosesAt: z.iso.datetime().nullable(),
  weights: z.object({ quality: z.number().int(), price: z.number().int() }),
  criteria: z.array(CriterionSchema),
  /** The commissioner's own reference for the child: only in the council's view. */
  childReference: z.string().nullable(),
  councilName: z.string(),
  createdAt: z.iso.datetime(),
});
export type RequestSummary = z.infer<typeof RequestSummarySchema>;

/**
 * Everything one viewer may see of a request, at one moment: the REST detail and the socket
 * `request:watch` snapshot are the same object, built by the same presenter.
 */
export const RequestViewSchema = z.object({
  viewer: z.enum(["commissioner", "provider"]),
  request: RequestSummarySchema,
  child: AnonymisedChildSchema,
  serverTime: z.iso.datetime(),
  /** The council: every invitation's status. A provider: its own settings' invitations. */
  invitations: z.array(InvitationViewSchema),
  /** Offers this viewer may see: a provider its own; the commissioner all once opened (urgent: as they come). */
  offers: z.array(OfferSchema),
  clarifications: z.array(ClarificationSchema),
  /** After evaluation: the council sees every row; a provider only its own offers' rows. */
  evaluation: z.array(EvaluationRowSchema),
  /** Ranked mode's price round: this provider's current rank per offer (never others' prices or names). */
  ranks: z.array(z.object({ offerId: z.uuid(), rank: z.number().int(), of: z.number().int() })),
  award: z
    .object({
      /** Null for a provider that did not win. */ offerId: z.uuid().nullable(),
      reasons: z.string(),
      awardedAt: z.iso.datetime(),
      /** For a provider: whether it won. */ yours: z.boolean().nullable(),
    })
    .nullable(),
  placement: PlacementSchema.nullable(),
  cancelReason: z.string().nullable(),
});
export type RequestView = z.infer<typeof RequestViewSchema>;
export const RequestViewResponseSchema = z.object({ data: RequestViewSchema });
export const RequestListSchema = z.object({
  data: z.array(
    RequestSummarySchema.extend({ invited: z.number().int(), offers: z.number().int().nullable(), yourStatus: z.enum(INVITATION_STATUSES).nullable() }),
  ),
});
export type RequestListItem = z.infer<typeof RequestListSchema>["data"][number];
export const OfferReceiptResponseSchema = z.object({ data: OfferReceiptSchema });
export const ClarificationResponseSchema = z.object({ data: ClarificationSchema });
export const PlacementResponseSchema = z.object({ data: PlacementSchema });
export const RequestWatchSchema = z.object({ requestId: z.uuid() }).strict();
