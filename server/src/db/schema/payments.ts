import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { CreditNoteStatus, InvoiceKind, InvoiceStatus, MembershipStatus, PeriodKind } from "@shared/codes/payments";
import { users } from "./identity";
import { organisations } from "./organisations";
import { placements } from "./placement-requests";
import { regions } from "./regions";

// Payments (migration 0023, docs/domain/payments.md). Amounts are integer pence.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const billingSettings = pgTable("billing_settings", {
  regionId: uuid("region_id")
    .primaryKey()
    .references(() => regions.id),
  periodKind: text("period_kind").$type<PeriodKind>().notNull().default("month"),
  anchorDate: date("anchor_date").notNull().default("2026-04-06"),
  startsOn: date("starts_on").notNull(),
  levyBasisPoints: integer("levy_basis_points").notNull().default(0),
  cardPayments: boolean("card_payments").notNull().default(false),
  membershipEnabled: boolean("membership_enabled").notNull().default(false),
  membershipFeePence: integer("membership_fee_pence").notNull().default(0),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type BillingSettingsRow = typeof billingSettings.$inferSelect;

export const placementFees = pgTable(
  "placement_fees",
  {
    placementId: uuid("placement_id")
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    effectiveFrom: date("effective_from").notNull(),
    weeklyFeePence: integer("weekly_fee_pence").notNull(),
    reason: text("reason"),
    changedBy: uuid("changed_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.placementId, t.effectiveFrom] })],
);
export type PlacementFeeRow = typeof placementFees.$inferSelect;

export const stripeAccounts = pgTable("stripe_accounts", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  accountId: text("account_id").notNull().unique(),
  detailsSubmitted: boolean("details_submitted").notNull().default(false),
  chargesEnabled: boolean("charges_enabled").notNull().default(false),
  payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
  requirementsDue: text("requirements_due").array().notNull().default([]),
  disabledReason: text("disabled_reason"),
  syncedAt: at("synced_at"),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type StripeAccountRow = typeof stripeAccounts.$inferSelect;

export const stripeCustomers = pgTable("stripe_customers", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  customerId: text("customer_id").notNull().unique(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const invoices = pgTable("invoices", {
  id: uuid("id").primaryKey().defaultRandom(),
  regionId: uuid("region_id")
    .notNull()
    .references(() => regions.id),
  councilId: uuid("council_id")
    .notNull()
    .references(() => organisations.id),
  providerId: uuid("provider_id")
    .notNull()
    .references(() => organisations.id),
  kind: text("kind").$type<InvoiceKind>().notNull(),
  periodStart: date("period_start").notNull(),
  periodEnd: date("period_end").notNull(),
  status: text("status").$type<InvoiceStatus>().notNull().default("pending"),
  totalPence: integer("total_pence").notNull(),
  levyBasisPoints: integer("levy_basis_points").notNull(),
  levyPence: integer("levy_pence").notNull(),
  stripeInvoiceId: text("stripe_invoice_id").unique(),
  hostedInvoiceUrl: text("hosted_invoice_url"),
  invoiceNumber: text("invoice_number"),
  dueDate: date("due_date"),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
  lastError: text("last_error"),
  stripeSyncedAt: at("stripe_synced_at"),
  paidAt: at("paid_at"),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type InvoiceRow = typeof invoices.$inferSelect;

export const invoiceLines = pgTable("invoice_lines", {
  id: uuid("id").primaryKey().defaultRandom(),
  invoiceId: uuid("invoice_id")
    .notNull()
    .references(() => invoices.id),
  placementId: uuid("placement_id")
    .notNull()
    .references(() => placements.id),
  periodStart: date("period_start").notNull(),
  periodEnd: date("period_end").notNull(),
  amountPence: integer("amount_pence").notNull(),
  description: text("description").notNull(),
  stripeItemId: text("stripe_item_id").unique(),
  createdAt: at("created_at").notNull().defaultNow(),
});
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

export const creditNotes = pgTable("credit_notes", {
  id: uuid("id").primaryKey().defaultRandom(),
  invoiceId: uuid("invoice_id")
    .notNull()
    .references(() => invoices.id),
  placementId: uuid("placement_id")
    .notNull()
    .references(() => placements.id),
  periodStart: date("period_start").notNull(),
  periodEnd: date("period_end").notNull(),
  amountPence: integer("amount_pence").notNull(),
  reason: text("reason").notNull(),
  status: text("status").$type<CreditNoteStatus>().notNull().default("pending"),
  stripeCreditNoteId: text("stripe_credit_note_id").unique(),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
  lastError: text("last_error"),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type CreditNoteRow = typeof creditNotes.$inferSelect;

export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  objectId: text("object_id"),
  stripeCreatedAt: at("stripe_created_at").notNull(),
  receivedAt: at("received_at").notNull().defaultNow(),
});

export const providerMemberships = pgTable("provider_memberships", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  regionId: uuid("region_id")
    .notNull()
    .references(() => regions.id),
  status: text("status").$type<MembershipStatus>().notNull().default("unpaid"),
  feePence: integer("fee_pence").notNull(),
  checkoutSessionId: text("checkout_session_id").unique(),
  checkoutUrl: text("checkout_url"),
  subscriptionId: text("subscription_id").unique(),
  currentPeriodEnd: at("current_period_end"),
  stripeSyncedAt: at("stripe_synced_at"),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
export type ProviderMembershipRow = typeof providerMemberships.$inferSelect;
