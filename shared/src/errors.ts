import { z } from "zod";
import { PRICE_BAND_CODES } from "./codes/price-bands";

/** Every error the API returns carries one of these codes; clients switch on the code, never on the message. */
export const ErrorCode = {
  ValidationError: "validation_error",
  InvalidJson: "invalid_json",
  PayloadTooLarge: "payload_too_large",
  UnsupportedMediaType: "unsupported_media_type",
  Unauthorized: "unauthorized",
  Forbidden: "forbidden",
  NotFound: "not_found",
  Conflict: "conflict",
  RateLimited: "rate_limited",
  ServiceUnavailable: "service_unavailable",
  InternalError: "internal_error",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ErrorCodeSchema = z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]);

/**
 * Why a request was refused, beyond its HTTP class: `code` stays "conflict" or "forbidden" (what
 * every client already handles), `reason` says which rule said no, so a client can act on it
 * (reload a closed request, say an offer was withdrawn) without reading the message, which is
 * written for people and may change.
 */
export const DomainErrorCode = {
  /** The request's deadline passed: offers, revisions, withdrawals and declines are no longer taken. */
  RequestClosed: "request_closed",
  /** The record is in a state that does not allow this step (e.g. scoring an open request, awarding twice). */
  WrongState: "wrong_state",
  /** Someone else changed the record first; reload it and decide again. */
  ChangedMeanwhile: "changed_meanwhile",
  /** Only the council running the request may do that. */
  NotBuyer: "not_buyer",
  /** Only a provider invited to the request may do that. */
  NotInvited: "not_invited",
  /** The provider declined the request for that setting. */
  InvitationDeclined: "invitation_declined",
  /** The provider has an offer in for that setting (withdraw it first). */
  OfferActive: "offer_active",
  /** The offer was withdrawn. */
  OfferWithdrawn: "offer_withdrawn",
  /** A weekly fee above the band's ceiling needs a justification. */
  JustificationRequired: "justification_required",
  /** In a price round a revision must lower the weekly fee. */
  PriceNotLower: "price_not_lower",
  /** Every offer must be scored against every criterion first. */
  ScoresMissing: "scores_missing",
  /** An evaluator must declare any conflict of interest before scoring. */
  DeclarationNeeded: "declaration_needed",
  /** An evaluator who declared a conflict of interest does not score or moderate. */
  ConflictOfInterest: "conflict_of_interest",
  /** Only the evaluator moderating the evaluation may do that. */
  NotModerator: "not_moderator",
  /** The request's mode does not have that step (a price round outside ranked mode). */
  WrongMode: "wrong_mode",
  /** An amendment may only extend a request's deadline, never bring it forward. */
  DeadlineNotLater: "deadline_not_later",
  /** The request's questions cut-off has passed: no more questions are taken. */
  QuestionsClosed: "questions_closed",
  /** A question already answered. */
  AlreadyAnswered: "already_answered",
  /** Something already decided or ended (a placement's end, a claim, a moderation). */
  AlreadyDecided: "already_decided",
  /** A record with that unique name, reference or number already exists. */
  AlreadyExists: "already_exists",
  /** The round is not open (not yet, or no longer). */
  RoundNotOpen: "round_not_open",
  /** An Idempotency-Key reused for a different submission. */
  IdempotencyKeyReused: "idempotency_key_reused",
  /** The child's profile lacks what this step needs. */
  ProfileIncomplete: "profile_incomplete",
  /** A person may not change or remove their own membership. */
  OwnMembership: "own_membership",
  /** The person has not joined an organisation yet. */
  NotMember: "not_member",
  /** Payments need Stripe, and this service has no STRIPE_SECRET_KEY (the message says how to set it up). */
  PaymentsNotSetUp: "payments_not_set_up",
  /** The change affects others (listed in the error); send it again with `confirm: true` to go ahead. */
  ConfirmationRequired: "confirmation_required",
  /** The intention to award is still in its standstill period: it can be confirmed once that ends (the message says when). */
  StandstillRunning: "standstill_running",
  /** With code service_unavailable (503): the database cannot be reached just now; send it again after Retry-After seconds. */
  DatabaseUnavailable: "database_unavailable",
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export const DomainErrorCodeSchema = z.enum(Object.values(DomainErrorCode) as [DomainErrorCode, ...DomainErrorCode[]]);

export const ValidationIssueSchema = z.object({
  /** Where the problem is, e.g. "body.rating" or "query.page". */
  path: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/**
 * A provider's current price above a band ceiling being lowered, shown before it is saved (an
 * error's `pricesAboveCeiling`). Here rather than with the framework's schemas: every page loads
 * this file, and those would bring the setting schemas with them.
 */
export const PriceAboveCeilingSchema = z.object({
  organisationName: z.string(),
  lotNumber: z.number().int(),
  band: z.enum(PRICE_BAND_CODES),
  weeklyPricePence: z.number().int(),
});
export type PriceAboveCeiling = z.infer<typeof PriceAboveCeilingSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Which rule refused it (409s and 403s of the domain), or what is unavailable (503s): switch on this, never on the message. */
  reason: DomainErrorCodeSchema.optional(),
  issues: z.array(ValidationIssueSchema).optional(),
  /** With reason confirmation_required on lowering a band ceiling: the providers' prices above the new ceiling. */
  pricesAboveCeiling: z.array(PriceAboveCeilingSchema).optional(),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
