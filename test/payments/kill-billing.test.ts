import { sql } from "drizzle-orm";
import { rowsOf } from "../../server/src/db/rows";
import { computeRegion } from "../../server/src/modules/payments/billing/compute";
import { buildOrganisation } from "../factories/organisations";
import { buildFactsPlacement } from "../insights/facts-world";
import { describeWithServers } from "../setup/describe-with-servers";
import { type RunningServer, spawnServer } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { startStripeServer, STRIPE_TEST_ENV, type StripeServer } from "../support/stripe-server";
import { buildBillingRegion, connectProvider } from "./billing-world";

// A node dies (SIGKILL: no graceful shutdown) in the middle of sending a billing run to Stripe.
// After a restart every council, provider and period has exactly one Stripe invoice and every
// line exactly one invoice item: what Stripe did before the kill is found again by its
// idempotency key, never made twice. Server mode only: the node is its own process.
const PLACEMENTS = 24;
/** Invoice items Stripe has made before the node is killed: the run is well under way, not done. */
const KILL_AFTER_ITEMS = 8;

let database: TestDatabase;
let stripe: StripeServer;
const running: RunningServer[] = [];
const db = () => database.handle.db;

async function start(): Promise<RunningServer> {
  const node = await spawnServer({ DATABASE_URL: database.url ?? "", SEED_DEMO: "false", BILLING_INTERVAL_MS: "200", ...STRIPE_TEST_ENV(stripe.url) });
  running.push(node);
  return node;
}

const pendingCount = async () =>
  (
    await rowsOf<{ n: number }>(
      db(),
      sql`SELECT ((SELECT count(*) FROM invoices WHERE status = 'pending') + (SELECT count(*) FROM credit_notes WHERE status = 'pending'))::int AS n`,
    )
  )[0]!.n;
const invoiceItemsMade = () => stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/invoiceitems" && r.status === 200 && !r.replayed).length;

describeWithServers("Killing a node during a billing run", { database: true }, () => {
  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    stripe = await startStripeServer();
  });
  afterAll(async () => {
    for (const node of running) node.child.kill("SIGKILL");
    await Promise.all(running.map((n) => n.exited));
    await database?.drop();
    await stripe?.close();
  });

  it("should bill each council, provider and period once in Stripe, and each line once, after a SIGKILL and a restart", async () => {
    const region = await buildBillingRegion(db(), stripe);
    const council = await buildOrganisation(db(), { kind: "council", regionId: region.regionId });
    const provider = await buildOrganisation(db(), { kind: "provider", regionId: region.regionId });
    await connectProvider(db(), stripe, provider.id);
    for (let i = 0; i < PLACEMENTS; i++) {
      const world = { ...region, councilId: i % 2 ? council.id : region.councilId, providerId: i % 3 ? provider.id : region.providerId };
      const placement = await buildFactsPlacement(db(), world, { fee: 70_000 + i * 1_000, startDate: `2026-09-${String(1 + i).padStart(2, "0")}` });
      if (i % 4 === 0) await db().execute(sql`UPDATE placements SET end_date = '2026-11-15', end_reason = 'planned_end' WHERE id = ${placement.placementId}`);
    }

    const first = await start();
    const deadline = Date.now() + 60_000;
    while (invoiceItemsMade() < KILL_AFTER_ITEMS && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    first.child.kill("SIGKILL");
    await first.exited;
    expect(invoiceItemsMade()).toBeGreaterThanOrEqual(KILL_AFTER_ITEMS);
    // The kill came in the middle: some of what was decided had not all reached Stripe.
    expect(await pendingCount()).toBeGreaterThan(0);

    // The killed node's leases would run out in two minutes; the test does not wait for them.
    await db().execute(sql`UPDATE invoices SET next_attempt_at = now() WHERE status = 'pending'`);
    await start();
    const settled = Date.now() + 60_000;
    while ((await pendingCount()) > 0 && Date.now() < settled) await new Promise((r) => setTimeout(r, 200));
    expect(await pendingCount()).toBe(0);

    const invoices = await rowsOf<{ id: string; councilId: string; providerId: string; periodStart: string; kind: string; totalPence: number; status: string }>(
      db(),
      sql`SELECT id, council_id AS "councilId", provider_id AS "providerId", period_start::text AS "periodStart", kind, total_pence AS "totalPence", status FROM invoices`,
    );
    const lines = await rowsOf<{ id: string; invoiceId: string; placementId: string; periodStart: string; amountPence: number }>(
      db(),
      sql`SELECT id, invoice_id AS "invoiceId", placement_id AS "placementId", period_start::text AS "periodStart", amount_pence AS "amountPence" FROM invoice_lines`,
    );
    // 2 councils x 2 providers x September, October, November; no correction was needed.
    expect(invoices).toHaveLength(12);
    expect(new Set(invoices.map((i) => `${i.councilId}/${i.providerId}/${i.periodStart}`)).size).toBe(12);
    expect(new Set(lines.map((l) => `${l.placementId}/${l.periodStart}`)).size).toBe(lines.length);

    const snapshot = stripe.snapshot();
    expect(snapshot.invoices).toHaveLength(invoices.length);
    expect(snapshot.invoiceItems).toHaveLength(lines.length);
    for (const invoice of invoices) {
      const inStripe = snapshot.invoices.filter((s) => s.metadata?.invoiceId === invoice.id);
      expect(inStripe).toHaveLength(1);
      expect(inStripe[0]).toMatchObject({ status: "open", total: invoice.totalPence });
      expect(invoice.status).toBe("open");
    }
    for (const line of lines) {
      const items = snapshot.invoiceItems.filter((s) => s.metadata?.lineId === line.id);
      expect(items).toHaveLength(1);
      expect(items[0]!.amount).toBe(line.amountPence);
    }
  }, 180_000);

  it("should bill a region once when two nodes compute it at the same moment", async () => {
    // No node of the first test may bill this region meanwhile.
    for (const node of running) node.child.kill("SIGKILL");
    await Promise.all(running.map((n) => n.exited));
    const region = await buildBillingRegion(db(), stripe);
    for (let i = 0; i < 6; i++) await region.place({ fee: 70_000, startDate: "2026-10-01", endDate: "2026-11-30" });
    const [a, b] = await Promise.all([computeRegion(db(), region.regionId), computeRegion(db(), region.regionId)]);
    // Without the lock both would insert the same period invoices and one would fail on the unique index.
    expect(a!.ran || b!.ran).toBe(true);
    expect(a!.invoicesCreated + b!.invoicesCreated).toBe(2);
    const [lines] = await rowsOf<{ n: number }>(
      db(),
      sql`SELECT count(*)::int AS n FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.region_id = ${region.regionId}`,
    );
    expect(lines!.n).toBe(12);
  });
});
