import { z } from "zod";
import { CHILD_SEXES, RISK_TRAJECTORIES } from "../codes/children";
import { PDS_RISK_CODES, STAFFING_RATIOS, THERAPIES } from "../codes/directory";
import { PRICE_BAND_CODES } from "../codes/price-bands";
import {
  DECLINE_REASONS,
  INVITATION_STATUSES,
  PLACEMENT_END_REASONS,
  REQUEST_MODES,
  REQUEST_STATES,
  type RequestState,
  STANDSTILL_DAYS,
} from "../codes/tenders";
import { ChildRecommendationSchema, ChildRequirementsSchema } from "./children";
import { listFilter, ListMetaSchema, listQuery } from "./list-query";
import { calendarDate, dateTime, plainText } from "./primitives";
import { LotNumberSchema, NeedCodeSchema } from "./settings";

const pence = (what: string) =>
  z
    .number({ error: `Enter ${what} in pence` })
    .int({ error: `Enter ${what} in whole pence` })
    .min(0, { error: `${what} cannot be negative` })
    .max(10_000_000, { error: `${what} looks too large` });
/** The longest reason a score may have. */
export const SCORE_REASON_MAX = 2000;
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

const QUESTIONS_CUT_OFF_MESSAGE = "Questions must close before the deadline, so that the council can answer them while offers are still open";
/** A questions cut-off given with a deadline must come before it (with the deadline kept, the server checks). */
const questionsCloseBeforeDeadline = (r: { deadline?: string | undefined; questionsCloseAt?: string | undefined }) =>
  !r.deadline || !r.questionsCloseAt || Date.parse(r.questionsCloseAt) < Date.parse(r.deadline);

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
    deadline: dateTime({ offset: true, error: "Enter the deadline as a real date and time, for example 27 3 2027 at 12:00" }),
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
    /** When providers' questions close; omit for the default (24 hours before the deadline, see shared/src/tenders/questions-cut-off.ts). */
    questionsCloseAt: dateTime({ offset: true, error: "Enter when questions close as a date and time" }).optional(),
    /** Calendar days between the intention to award and its confirmation. */
    standstillDays: z
      .number({ error: `Enter the standstill period as a whole number of days, from 0 to ${STANDSTILL_DAYS.max}` })
      .int({ error: `Enter the standstill period as a whole number of days, from 0 to ${STANDSTILL_DAYS.max}` })
      .min(0, { error: `The standstill period must be 0 days or more` })
      .max(STANDSTILL_DAYS.max, { error: `The standstill period must be ${STANDSTILL_DAYS.max} days or fewer` })
      .default(STANDSTILL_DAYS.default),
    /** Required for a standstill of 0 days (for example, an urgent placement). */
    standstillReason: text("why there is no standstill period", 1000).optional(),
  })
  .strict()
  .refine((r) => r.inviteAll || (r.settingIds?.length ?? 0) > 0, {
    path: ["settingIds"],
    error: "Choose settings to invite, or invite every eligible setting on the lot",
  })
  .refine(questionsCloseBeforeDeadline, { path: ["questionsCloseAt"], error: QUESTIONS_CUT_OFF_MESSAGE })
  .refine((r) => r.standstillDays > 0 || (r.standstillReason ?? "").length > 0, {
    path: ["standstillReason"],
    error: "Say why there is no standstill period, for example an urgent placement",
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
    startDate: calendarDate({ error: "Enter the start date as a real date, for example 27 3 2027" }),
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

/**
 * The council amends an open request before its deadline: a later deadline (never an earlier
 * one), a new questions cut-off, clearer wording of the criteria (the same criteria, by id: offers
 * answer each one) or a note. Every invited provider sees each amendment, numbered.
 */
export const RequestAmendSchema = z
  .object({
    deadline: dateTime({ offset: true, error: "Enter the new deadline as a date and time" }).optional(),
    questionsCloseAt: dateTime({ offset: true, error: "Enter when questions close as a date and time" }).optional(),
    criteria: z.array(CriterionSchema).min(1, { error: "Keep at least one quality criterion" }).max(12).optional(),
    note: text("the note", 2000).optional(),
    reason: text("why the request is amended", 1000).min(1, { error: "Say why the request is amended: every invited provider sees it" }),
  })
  .strict()
  .refine((a) => a.deadline || a.questionsCloseAt || a.criteria || a.note, {
    path: ["deadline"],
    error: "Change the deadline, when questions close or a criterion's wording, or add a note for providers",
  })
  .refine(questionsCloseBeforeDeadline, { path: ["questionsCloseAt"], error: QUESTIONS_CUT_OFF_MESSAGE });
export type RequestAmendInput = z.infer<typeof RequestAmendSchema>;

const ChangeSchema = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });
/** One numbered amendment as every viewer of the request sees it (who made it stays with the council's audit). */
export const AmendmentSchema = z.object({
  number: z.number().int(),
  amendedAt: z.iso.datetime(),
  reason: z.string(),
  deadline: ChangeSchema.nullable(),
  questionsCloseAt: ChangeSchema.nullable(),
  criteria: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
  note: z.string().nullable(),
});
export type Amendment = z.infer<typeof AmendmentSchema>;

export const ClarificationAskSchema = z.object({ question: text("your question", 2000).min(1, { error: "Enter your question" }) }).strict();
export const ClarificationAnswerSchema = z
  .object({
    answer: text("the answer", 4000).min(1, { error: "Enter the answer" }),
    visibility: z.enum(["all", "private"], { error: "Choose to answer every invited provider or only the one who asked" }),
  })
  .strict();

/** One cell of the scoring grid: a score 0-5 (null while not yet scored) and its reason, which the offer's provider is shown with the outcome. */
export const ScoreEntrySchema = z
  .object({
    offerId: z.uuid({ error: "Choose an offer of this request" }),
    criterionId: plainText({ error: "Choose a criterion of this request" }).max(100, { error: "Choose a criterion of this request" }),
    score: z
      .number({ error: "Choose a score from 0 to 5" })
      .int({ error: "Choose a score from 0 to 5" })
      .min(0, { error: "Choose a score from 0 to 5" })
      .max(5, { error: "Choose a score from 0 to 5" })
      .nullable(),
    reason: text("the reason for the score", SCORE_REASON_MAX).optional(),
  })
  .strict();
export type ScoreEntryInput = z.infer<typeof ScoreEntrySchema>;

/** An evaluator's own scores, saved as a draft: what is sent replaces what they had saved (partial grids allowed). */
export const ScoresSchema = z.object({ scores: z.array(ScoreEntrySchema).max(1000, { error: "Send at most 1000 scores at once" }) }).strict();

/** Before scoring, each evaluator declares any conflict of interest: one with a conflict does not score. */
export const EvaluationDeclarationSchema = z
  .object({
    conflict: z.enum(["none", "yes"], { error: "Say whether you have a conflict of interest with any provider that offered" }),
    details: text("the details of the conflict", 2000).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.conflict === "yes" && !value.details)
      ctx.addIssue({ code: "custom", path: ["details"], message: "Give the details of the conflict of interest" });
  });
export type EvaluationDeclarationInput = z.infer<typeof EvaluationDeclarationSchema>;

/** The moderator's agreed scores (a draft until the evaluation is completed) and the moderation note. */
export const ModerationSaveSchema = z
  .object({
    scores: z.array(ScoreEntrySchema).max(1000, { error: "Send at most 1000 scores at once" }),
    note: text("the moderation note", 4000).optional(),
  })
  .strict();

const ScoreCellSchema = z.object({ offerId: z.uuid(), criterionId: z.string(), score: z.number().int().nullable(), reason: z.string().nullable() });
export type ScoreCell = z.infer<typeof ScoreCellSchema>;

/** One evaluator: their declaration and, where this viewer may see them, their scores. */
const EvaluatorSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  conflict: z.boolean(),
  details: z.string().nullable(),
  declaredAt: z.iso.datetime(),
  /** Null while hidden: another evaluator's scores are shown once moderation starts. */
  scores: z.array(ScoreCellSchema).nullable(),
  lastSavedAt: z.iso.datetime().nullable(),
});

/** A request's evaluation as one of its council's commissioners sees it (the report's source too). */
export const EvaluationStateSchema = z.object({
  requestId: z.uuid(),
  you: z.object({
    userId: z.uuid(),
    declared: z.boolean(),
    mayScore: z.boolean(),
    mayStartModeration: z.boolean(),
    mayModerate: z.boolean(),
  }),
  evaluators: z.array(EvaluatorSchema),
  moderation: z
    .object({
      moderatorId: z.uuid(),
      moderatorName: z.string(),
      startedAt: z.iso.datetime(),
      note: z.string().nullable(),
      savedAt: z.iso.datetime().nullable(),
      agreed: z.array(ScoreCellSchema),
    })
    .nullable(),
  completedAt: z.iso.datetime().nullable(),
});
export type EvaluationState = z.infer<typeof EvaluationStateSchema>;
export const EvaluationStateResponseSchema = z.object({ data: EvaluationStateSchema });

export const PriceRoundSchema = z.object({ closesAt: dateTime({ offset: true, error: "Enter when the price round closes" }) }).strict();
export const AwardSchema = z
  .object({
    offerId: z.uuid({ error: "Choose the offer to award" }),
    reasons: text("the reasons", 4000).min(1, { error: "Give the reasons for the award: every provider is told" }),
  })
  .strict();
export const AwardWithdrawSchema = z
  .object({
    reason: text("why the intention to award is withdrawn", 1000).min(1, { error: "Say why the intention to award is withdrawn: every provider is told" }),
  })
  .strict();
export const PlacementEndSchema = z
  .object({
    endDate: calendarDate({ error: "Enter the end date as a real date, for example 27 3 2027" }),
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
  /** The agreed reason per criterion: the council's, and a provider's for its own offer after the outcome. */
  reasons: z.record(z.string(), z.string()),
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

/**
 * The intention to award, then the award. Unsuccessful providers are told the successful
 * provider's name (as a standstill notice does), never its price or scores.
 */
export const AwardViewSchema = z.object({
  /** Null for a provider that did not win. */ offerId: z.uuid().nullable(),
  reasons: z.string(),
  /** When the intention to award was recorded. */
  awardedAt: z.iso.datetime(),
  /** For a provider: whether it won. */ yours: z.boolean().nullable(),
  successfulProviderName: z.string(),
  /** When the standstill ends: the award may be confirmed from then on. */
  standstillEndsAt: z.iso.datetime(),
  /** Null while it is an intention. */
  confirmedAt: z.iso.datetime().nullable(),
  /** The winning provider's next steps once confirmed (null for anyone else, and before). */
  nextSteps: z
    .object({
      councilName: z.string(),
      contactEmail: z.string().nullable(),
      contactPhone: z.string().nullable(),
      weeklyFeePence: z.number().int(),
      startDate: z.iso.date(),
      settingName: z.string(),
    })
    .nullable(),
});
export type AwardView = z.infer<typeof AwardViewSchema>;

export const RequestSummarySchema = z.object({
  id: z.uuid(),
  /** The request's public reference (PR- and the first 8 characters of its id), said on the phone and in e-mails. */
  reference: z.string(),
  state: z.enum(REQUEST_STATES),
  mode: z.enum(REQUEST_MODES),
  lotNumber: z.number().int(),
  priceBand: z.enum(PRICE_BAND_CODES).nullable(),
  bandCeilingPence: z.number().int().nullable(),
  deadline: z.iso.datetime(),
  priceRoundClosesAt: z.iso.datetime().nullable(),
  /** When providers' questions close (the council's choice, or the default). */
  questionsCloseAt: z.iso.datetime(),
  weights: z.object({ quality: z.number().int(), price: z.number().int() }),
  criteria: z.array(CriterionSchema),
  /** The commissioner's own reference for the child: only in the council's view. */
  childReference: z.string().nullable(),
  councilName: z.string(),
  createdAt: z.iso.datetime(),
  standstillDays: z.number().int(),
  standstillReason: z.string().nullable(),
  /** The last intention to award that the council withdrew, and why (every provider that offered reads it). */
  intentionWithdrawnAt: z.iso.datetime().nullable(),
  intentionWithdrawnReason: z.string().nullable(),
  /** Who withdrew it (their name, or e-mail address without one): in the council's view only; null for providers. */
  intentionWithdrawnBy: z.string().nullable(),
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
  /** Every amendment, oldest first. */
  amendments: z.array(AmendmentSchema),
  /** After evaluation: the council sees every row; a provider only its own offers' rows. */
  evaluation: z.array(EvaluationRowSchema),
  /** Ranked mode's price round: this provider's current rank per offer (never others' prices or names). */
  ranks: z.array(z.object({ offerId: z.uuid(), rank: z.number().int(), of: z.number().int() })),
  award: AwardViewSchema.nullable(),
  placement: PlacementSchema.nullable(),
  cancelReason: z.string().nullable(),
});
export type RequestView = z.infer<typeof RequestViewSchema>;
export const RequestViewResponseSchema = z.object({ data: RequestViewSchema });
/** "Waiting for a decision": the offers are in and the council's move is next (score, award, confirm). */
export const AWAITING_DECISION_STATES: readonly RequestState[] = REQUEST_STATES.filter((s) => ["closed", "evaluated", "standstill"].includes(s));
export const REQUEST_LIST_FILTERS = ["awaiting_decision", ...REQUEST_STATES] as const;

/** `?q=` a public reference (PR-1A2B3C4D) or, for the council, its child's reference; `status=` states or awaiting_decision. */
export const RequestListQuerySchema = listQuery({ status: listFilter(REQUEST_LIST_FILTERS, "Choose states from the list").optional() });
export type RequestListQuery = z.infer<typeof RequestListQuerySchema>;

export const RequestListSchema = z.object({
  data: z.array(
    RequestSummarySchema.extend({
      invited: z.number().int(),
      offers: z.number().int().nullable(),
      yourStatus: z.enum(INVITATION_STATUSES).nullable(),
      /** A provider that offered, from the intention to award on: whether its offer was successful. */
      yourOutcome: z.enum(["successful", "unsuccessful"]).nullable(),
    }),
  ),
  meta: ListMetaSchema,
});
export type RequestListItem = z.infer<typeof RequestListSchema>["data"][number];
export const OfferReceiptResponseSchema = z.object({ data: OfferReceiptSchema });
export const ClarificationResponseSchema = z.object({ data: ClarificationSchema });
export const PlacementResponseSchema = z.object({ data: PlacementSchema });
export const RequestWatchSchema = z.object({ requestId: z.uuid() }).strict();
