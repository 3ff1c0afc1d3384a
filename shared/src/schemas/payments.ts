import { z } from "zod";
import { addDays, dayNumber } from "../billing/dates";
import { periodContaining, type PeriodRule } from "../billing/periods";
import {
  CREDIT_NOTE_STATUSES,
  INVOICE_DISPLAY_STATUSES,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  MAX_LEVY_BASIS_POINTS,
  MEMBERSHIP_STATUSES,
  PERIOD_KINDS,
} from "../codes/payments";
import { calendarDate, int32, plainText } from "./primitives";

/**
 * Payments (issue 14): the hub's billing settings, placement fee changes, invoices and credit
 * notes, providers' Connect status and membership. Amounts are integer pence.
 */

/** The region's billing, as the hub sets it (PUT /api/v1/payments/settings). */
export const BillingSettingsInputSchema = z
  .object({
    periodKind: z.enum(PERIOD_KINDS, { error: "Choose calendar months or 4-week periods" }),
    anchorDate: calendarDate({ error: "Enter the first day of a 4-week period as a real date, for example 6 4 2026" }),
    startsOn: calendarDate({ error: "Enter the date billing starts as a real date, for example 6 4 2026" }),
    levyBasisPoints: int32(
      z
        .number({ error: "Enter the levy in basis points (100 is 1%)" })
        .int({ error: "Enter the levy as a whole number of basis points" })
        .min(0, { error: "The levy cannot be negative" })
        .max(MAX_LEVY_BASIS_POINTS, { error: `The levy must be ${MAX_LEVY_BASIS_POINTS} basis points (20%) or less` }),
      "The levy",
    ),
    cardPayments: z.boolean({ error: "Say whether councils may also pay by card" }),
    membershipEnabled: z.boolean({ error: "Say whether providers pay an annual membership" }),
    membershipFeePence: int32(
      z
        .number({ error: "Enter the membership fee in pence" })
        .int({ error: "Enter the membership fee in whole pence" })
        .min(0, { error: "The membership fee cannot be negative" })
        .max(10_000_000, { error: "The membership fee must be £100,000 or less" }),
      "The membership fee",
    ),
  })
  .strict();
export type BillingSettingsInput = z.infer<typeof BillingSettingsInputSchema>;

export const BillingSettingsSchema = BillingSettingsInputSchema.extend({
  /** False until the hub first saves settings: nothing is billed before then. */
  enabled: z.boolean(),
  /** False without STRIPE_SECRET_KEY: nothing reaches Stripe, pages say how to set it up. */
  stripeConfigured: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type BillingSettings = z.infer<typeof BillingSettingsSchema>;

/** A change of a placement's weekly fee from a date (the council's; invoiced periods are corrected). */
export const FeeChangeInputSchema = z
  .object({
    effectiveFrom: calendarDate({ error: "Enter the date the new fee starts as a real date, for example 6 4 2026" }),
    weeklyFeePence: int32(
      z
        .number({ error: "Enter the new weekly fee in pence" })
        .int({ error: "Enter the weekly fee in whole pence" })
        .min(1, { error: "The weekly fee must be more than £0" })
        .max(10_000_000, { error: "The weekly fee must be £100,000 or less" }),
      "The weekly fee",
    ),
    reason: plainText({ error: "Enter why the fee changes" })
      .trim()
      .min(1, { error: "Enter why the fee changes" })
      .max(500, { error: "The reason must be 500 characters or fewer" }),
  })
  .strict();
export type FeeChangeInput = z.infer<typeof FeeChangeInputSchema>;

export const PlacementFeeSchema = z.object({ effectiveFrom: z.string(), weeklyFeePence: z.number().int(), reason: z.string().nullable() });
export type PlacementFee = z.infer<typeof PlacementFeeSchema>;

export const InvoiceLineSchema = z.object({
  id: z.uuid(),
  placementId: z.uuid(),
  /** The child's pseudonymised reference: the council's own view only. */
  childReference: z.string().optional(),
  settingName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  amountPence: z.number().int(),
  description: z.string(),
});

export const CreditNoteSchema = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  placementId: z.uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  amountPence: z.number().int(),
  reason: z.string(),
  status: z.enum(CREDIT_NOTE_STATUSES),
  lastError: z.string().nullable().optional(),
});
export type CreditNote = z.infer<typeof CreditNoteSchema>;

export const InvoiceSchema = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  councilName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(INVOICE_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(INVOICE_STATUSES),
  displayStatus: z.enum(INVOICE_DISPLAY_STATUSES),
  totalPence: z.number().int(),
  levyPence: z.number().int(),
  /** What the provider receives: the total less the levy and less any credit issued. */
  providerPence: z.number().int(),
  creditedPence: z.number().int(),
  number: z.string().nullable(),
  dueDate: z.string().nullable(),
  hostedInvoiceUrl: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** Why it is still pending (the hub's view only). */
  lastError: z.string().nullable().optional(),
  attempts: z.number().int().optional(),
  lines: z.array(InvoiceLineSchema),
  credits: z.array(CreditNoteSchema),
});
export type Invoice = z.infer<typeof InvoiceSchema>;

/** GET /api/v1/payments/invoices: filters. */
export const InvoiceQuerySchema = z
  .object({
    month: plainText({ error: "Enter a real month and year, like 2026-04 for April 2026" })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Enter a real month and year, like 2026-04 for April 2026" })
      .optional(),
    placementId: z.uuid({ error: "Not a valid placement id" }).optional(),
    status: z.enum(INVOICE_DISPLAY_STATUSES, { error: "Choose a status" }).optional(),
  })
  .strict();
export type InvoiceQuery = z.infer<typeof InvoiceQuerySchema>;

export const InvoiceTotalsSchema = z.object({
  invoicedPence: z.number().int(),
  paidPence: z.number().int(),
  outstandingPence: z.number().int(),
  overduePence: z.number().int(),
  creditedPence: z.number().int(),
  levyPence: z.number().int(),
});
export type InvoiceTotals = z.infer<typeof InvoiceTotalsSchema>;

export const InvoiceListSchema = z.object({ data: z.array(InvoiceSchema), totals: InvoiceTotalsSchema });

/** A provider's Stripe Connect account as Stripe last reported it. */
export const ConnectStatusSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  connected: z.boolean(),
  detailsSubmitted: z.boolean(),
  chargesEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
  requirementsDue: z.array(z.string()),
  /** Whether its placements can be invoiced; if not, why (shown to the council too). */
  canBeInvoiced: z.boolean(),
  reason: z.string().nullable(),
});
export type ConnectStatus = z.infer<typeof ConnectStatusSchema>;

export const MembershipSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  feePence: z.number().int(),
  currentPeriodEnd: z.string().nullable(),
  checkoutUrl: z.string().nullable(),
});
export type Membership = z.infer<typeof MembershipSchema>;

/** The hub's overview: what is pending or failed and why, totals by council and by lot. */
export const PaymentsOverviewSchema = z.object({
  pending: z.array(InvoiceSchema),
  pendingCredits: z.array(CreditNoteSchema),
  byCouncil: z.array(z.object({ councilId: z.uuid(), councilName: z.string(), totals: InvoiceTotalsSchema })),
  byLot: z.array(z.object({ lot: z.number().int(), invoicedPence: z.number().int(), paidPence: z.number().int() })),
  providers: z.array(ConnectStatusSchema),
  memberships: z.array(MembershipSchema),
  lastRun: z.object({ at: z.string(), invoices: z.number().int(), credits: z.number().int() }).nullable(),
});
export type PaymentsOverview = z.infer<typeof PaymentsOverviewSchema>;

/** POST /api/v1/payments/billing-runs: the hub bills now (what the schedule would do next). */
export const BillingRunResultSchema = z.object({
  invoicesCreated: z.number().int(),
  creditNotesCreated: z.number().int(),
  sent: z.number().int(),
  stillPending: z.number().int(),
});
export type BillingRunResult = z.infer<typeof BillingRunResultSchema>;

// --- Settings, Connect, membership and the Stripe webhook (stripe-sync) ---

/** The nearest first day of a period to `date` under the rule (the period's own start, or the next one's). */
export function nearestPeriodStart(rule: PeriodRule, date: string): string {
  const own = periodContaining(rule, date).start;
  const next = addDays(periodContaining(rule, date).end, 1);
  return dayNumber(date) - dayNumber(own) <= dayNumber(next) - dayNumber(date) ? own : next;
}

/** The period rule of a region's settings. */
export const ruleOf = (s: Pick<BillingSettingsInput, "periodKind" | "anchorDate">): PeriodRule => ({ kind: s.periodKind, anchorDate: s.anchorDate });

/**
 * What the hub saves: the settings, and billing starts on the first day of a period (a part
 * period at the start would be billed as if whole). Checked whenever the three fields it reads
 * are valid, even if others are not, so one 400 lists every problem.
 */
export const BillingSettingsSaveSchema = BillingSettingsInputSchema.refine((s) => periodContaining(ruleOf(s), s.startsOn).start === s.startsOn, {
  path: ["startsOn"],
  // Not when the body is no object at all (its one issue names no field), nor when a field it reads is bad.
  when: (payload) =>
    typeof payload.value === "object" &&
    payload.value !== null &&
    !Array.isArray(payload.value) &&
    !payload.issues.some((i) => ["periodKind", "anchorDate", "startsOn"].includes(String(i.path?.[0]))),
  error: (issue) => {
    const s = issue.input as BillingSettingsInput;
    return `Billing must start on the first day of a period; the nearest is ${nearestPeriodStart(ruleOf(s), s.startsOn)}`;
  },
});

/** Where to send the person next: Stripe's onboarding or Checkout page. */
export const PaymentsRedirectSchema = z.object({ url: z.string() });

/** What the Stripe webhook answers: received, and whether it changed anything here. */
export const StripeWebhookAckSchema = z.object({ received: z.literal(true), applied: z.boolean() });

/** GET /api/v1/placements/:id/fees and POST .../fee-changes: the placement's fees, oldest first. */
export const PlacementFeesResponseSchema = z.object({ data: z.array(PlacementFeeSchema) });

export const BillingRunResponseSchema = z.object({ data: BillingRunResultSchema });

// --- Reads: one invoice, the hub's overview, what a council waits on, a provider's payouts (reads) ---

export const InvoiceResponseSchema = z.object({ data: InvoiceSchema });

export const PaymentsOverviewResponseSchema = z.object({ data: PaymentsOverviewSchema });

/** A council's running placement that cannot be invoiced yet, because its provider cannot be paid. */
export const WaitingPlacementSchema = z.object({
  placementId: z.uuid(),
  /** The council's own child: its pseudonymised reference. */
  childReference: z.string(),
  settingName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  startDate: z.string(),
  weeklyFeePence: z.number().int(),
  /** Why, in the words of the provider's Stripe status. */
  reason: z.string(),
});
export type WaitingPlacement = z.infer<typeof WaitingPlacementSchema>;

/** GET /api/v1/payments/waiting: the council's placements waiting for their provider to be payable. */
export const PaymentsWaitingResponseSchema = z.object({ data: z.array(WaitingPlacementSchema) });

/** A payout a provider can expect: an open invoice to it, less the levy and any credit issued. */
export const ExpectedPayoutSchema = z.object({
  invoiceId: z.uuid(),
  number: z.string().nullable(),
  councilName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string().nullable(),
  displayStatus: z.enum(INVOICE_DISPLAY_STATUSES),
  totalPence: z.number().int(),
  levyPence: z.number().int(),
  creditedPence: z.number().int(),
  providerPence: z.number().int(),
});

/** GET /api/v1/payments/payouts: a provider's expected payouts, soonest due first, and their sums. */
export const PayoutsResponseSchema = z.object({
  data: z.array(ExpectedPayoutSchema),
  totals: z.object({ expectedPence: z.number().int(), overduePence: z.number().int(), invoices: z.number().int() }),
});
export type Payouts = z.infer<typeof PayoutsResponseSchema>;
