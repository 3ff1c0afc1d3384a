import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { createStripeClient } from "../../server/src/modules/payments/stripe-client";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { buildFactsPlacement, buildFactsRegion, type PlacementSpec } from "../insights/facts-world";
import { STRIPE_TEST_SECRET_KEY, type StripeServer } from "../support/stripe-server";

/**
 * A region billing monthly from 1 September 2026 with a 2.5% levy: the hub's administrator, a
 * council and its commissioner, and a provider connected to the test Stripe server (onboarded,
 * so it can be paid). Placements are added with `place`.
 */
export async function buildBillingRegion(db: Db, stripe: StripeServer, options: { periodKind?: "month" | "four_weeks"; startsOn?: string } = {}) {
  const world = await buildFactsRegion(db);
  const hub = await buildOrganisation(db, { kind: "regional_hub", regionId: world.regionId });
  const hubAdmin = await buildUser(db, { role: "regional_admin", orgAdmin: true, organisationId: hub.id });
  const commissioner = await buildUser(db, { role: "commissioner", organisationId: world.councilId });
  await db.execute(
    sql`INSERT INTO billing_settings (region_id, period_kind, anchor_date, starts_on, levy_basis_points)
        VALUES (${world.regionId}, ${options.periodKind ?? "month"}, '2026-08-31', ${options.startsOn ?? "2026-09-01"}, 250)`,
  );
  const accountId = await connectProvider(db, stripe, world.providerId);
  const place = (spec: PlacementSpec & { providerId?: string; endDate?: string }) =>
    placeIn(db, { ...world, providerId: spec.providerId ?? world.providerId }, spec);
  return { ...world, hubAdmin, commissioner, accountId, place };
}

/** An Express account on the test Stripe server, onboarded, and stored as the account webhooks would report it. */
export async function connectProvider(db: Db, stripe: StripeServer, organisationId: string): Promise<string> {
  const client = createStripeClient({ secretKey: STRIPE_TEST_SECRET_KEY, apiBase: stripe.url })!;
  const account = await client.accounts.create({ type: "express", country: "GB", metadata: { organisationId } });
  stripe.completeOnboarding(account.id);
  await db.execute(
    sql`INSERT INTO stripe_accounts (organisation_id, account_id, details_submitted, charges_enabled, payouts_enabled)
        VALUES (${organisationId}, ${account.id}, true, true, true)`,
  );
  return account.id;
}

async function placeIn(db: Db, world: Awaited<ReturnType<typeof buildFactsRegion>>, spec: PlacementSpec & { endDate?: string }) {
  const built = await buildFactsPlacement(db, world, spec);
  if (spec.endDate) await db.execute(sql`UPDATE placements SET end_date = ${spec.endDate}, end_reason = 'planned_end' WHERE id = ${built.placementId}`);
  const [child] = await rowsOf<{ reference: string }>(db, sql`SELECT reference FROM child_profiles WHERE id = ${built.childId}`);
  return { ...built, childReference: child!.reference };
}

export interface StoredInvoice {
  id: string;
  kind: string;
  status: string;
  providerId: string;
  periodStart: string;
  totalPence: number;
  levyPence: number;
  stripeInvoiceId: string | null;
  invoiceNumber: string | null;
  hostedInvoiceUrl: string | null;
  lastError: string | null;
  attempts: number;
}

export const invoicesOf = (db: Db, regionId: string) =>
  rowsOf<StoredInvoice>(
    db,
    sql`SELECT id, kind, status, provider_id AS "providerId", period_start::text AS "periodStart", total_pence AS "totalPence", levy_pence AS "levyPence",
          stripe_invoice_id AS "stripeInvoiceId", invoice_number AS "invoiceNumber", hosted_invoice_url AS "hostedInvoiceUrl", last_error AS "lastError", attempts
        FROM invoices WHERE region_id = ${regionId} ORDER BY period_start, kind, created_at`,
  );

export const linesOf = (db: Db, placementId: string) =>
  rowsOf<{ id: string; invoiceId: string; periodStart: string; amountPence: number; description: string; stripeItemId: string | null }>(
    db,
    sql`SELECT id, invoice_id AS "invoiceId", period_start::text AS "periodStart", amount_pence AS "amountPence", description, stripe_item_id AS "stripeItemId"
        FROM invoice_lines WHERE placement_id = ${placementId} ORDER BY period_start, created_at`,
  );

export const creditsOf = (db: Db, placementId: string) =>
  rowsOf<{ id: string; invoiceId: string; periodStart: string; amountPence: number; status: string; stripeCreditNoteId: string | null; reason: string }>(
    db,
    sql`SELECT id, invoice_id AS "invoiceId", period_start::text AS "periodStart", amount_pence AS "amountPence", status, stripe_credit_note_id AS "stripeCreditNoteId", reason
        FROM credit_notes WHERE placement_id = ${placementId} ORDER BY period_start, created_at`,
  );
