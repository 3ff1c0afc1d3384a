// npm run bench:billing — a region's billing run over a year of placements on a fresh PostgreSQL
// database (DATABASE_URL's server, else postgres://postgres@127.0.0.1:5432/postgres; dropped
// after): the synthetic history (npm run cli -- seed insights) made billable, every provider
// connected, monthly billing from 12 months ago. Times the first compute (every ended month of
// every placement), a second one with nothing to do (every tick of the schedule after the first),
// a compute after fee changes on 1% of the placements (the corrections), and sending invoices to
// the Stripe-shaped test server through the real SDK (the stand-in's own cost included).
// Prints one JSON line.
import { cpus } from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../server/src/db/rows";
import { seedDemo } from "../../server/src/db/seed/demo";
import { seedInsightsHistory } from "../../server/src/db/seed/insights-history";
import { computeRegion } from "../../server/src/modules/payments/billing/compute";
import { pushPending } from "../../server/src/modules/payments/billing/push";
import { createStripeClient } from "../../server/src/modules/payments/stripe-client";
import { startStripeServer, STRIPE_TEST_SECRET_KEY } from "../support/stripe-server";
import { openBenchDatabase, round } from "./bench-kit";

process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 20_000);
const PUSH = Number(process.env.BENCH_PUSH ?? 50);

const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, round((performance.now() - started) / 1000)];
};

async function main() {
  const { handle, kind, drop } = await openBenchDatabase("postgresql");
  const server = await startStripeServer();
  try {
    const db = handle.db;
    const stripe = createStripeClient({ secretKey: STRIPE_TEST_SECRET_KEY, webhookSecret: undefined, apiBase: server.url })!;
    const { regionId } = await seedDemo(db);
    await seedInsightsHistory(db, { regionId, placements: PLACEMENTS });
    // The seed's placements are synthetic, which billing never bills: here they stand for real ones.
    await db.execute(sql`UPDATE placements SET synthetic = false`);
    const providers = await rowsOf<{ id: string }>(db, sql`SELECT DISTINCT provider_id AS id FROM placements`);
    for (const { id } of providers) {
      const account = await stripe.accounts.create({ type: "express", country: "GB", metadata: { organisationId: id } });
      server.completeOnboarding(account.id);
      await db.execute(sql`INSERT INTO stripe_accounts (organisation_id, account_id, details_submitted, charges_enabled, payouts_enabled)
        VALUES (${id}, ${account.id}, true, true, true)`);
    }
    const startsOn = new Date();
    startsOn.setUTCDate(1);
    startsOn.setUTCMonth(startsOn.getUTCMonth() - 12);
    await db.execute(sql`INSERT INTO billing_settings (region_id, period_kind, starts_on, levy_basis_points)
      VALUES (${regionId}, 'month', ${startsOn.toISOString().slice(0, 10)}, 150)`);
    await db.execute(sql`ANALYZE`);
    const [{ billable } = { billable: 0 }] = await rowsOf<{ billable: number }>(
      db,
      sql`SELECT count(*)::int AS billable FROM placements WHERE end_date IS NULL OR end_date >= ${startsOn.toISOString().slice(0, 10)}`,
    );

    const [first, firstSeconds] = await seconds(() => computeRegion(db, regionId));
    const [again, againSeconds] = await seconds(() => computeRegion(db, regionId));
    // A fee rise from three months ago on 1% of the running placements: corrections for two months each.
    const from = new Date();
    from.setUTCMonth(from.getUTCMonth() - 3);
    await db.execute(sql`INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence)
      SELECT id, greatest(start_date, ${from.toISOString().slice(0, 10)}::date), weekly_fee_pence + 5000 FROM placements
      WHERE end_date IS NULL AND random() < 0.01 ON CONFLICT DO NOTHING`);
    const [corrected, correctedSeconds] = await seconds(() => computeRegion(db, regionId));

    // Sending: PUSH invoices (a batch of the first run's) with all their Stripe calls.
    await db.execute(sql`UPDATE invoices SET next_attempt_at = now() + interval '1 day'
      WHERE status = 'pending' AND id NOT IN (SELECT id FROM invoices WHERE status = 'pending' ORDER BY created_at LIMIT ${PUSH})`);
    const [pushed, pushSeconds] = await seconds(() => pushPending({ db, stripe }));
    const [{ items } = { items: 0 }] = await rowsOf<{ items: number }>(
      db,
      sql`SELECT count(*)::int AS items FROM invoice_lines WHERE stripe_item_id IS NOT NULL`,
    );

    console.log(
      JSON.stringify({
        bench: "billing",
        node: process.version,
        cpus: cpus().length,
        database: kind,
        placements: PLACEMENTS,
        billable_placements: billable,
        months: 12,
        first_run: { s: firstSeconds, invoices: first.invoicesCreated, lines: first.linesCreated },
        idle_run: { s: againSeconds, lines: again.linesCreated, credits: again.creditNotesCreated },
        correction_run: { s: correctedSeconds, lines: corrected.linesCreated, credits: corrected.creditNotesCreated },
        push: { s: pushSeconds, invoices_sent: pushed.sent, failed: pushed.failed, items, invoices_per_s: round(pushed.sent / pushSeconds) },
      }),
    );
  } finally {
    await server.close();
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
