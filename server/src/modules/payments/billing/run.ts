import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { BillingRunResult } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import type { Logger } from "../../../logger";
import { recordAudit } from "../../audit/record-audit";
import { computeRegion } from "./compute";
import { pushPending } from "./push";
import type { RunActor } from "./write";

export interface RunDeps {
  db: Db;
  /** Without Stripe nothing is computed either: the region's pages say payments are not set up. */
  stripe: Stripe;
  logger?: Logger;
}

/** The hub's "bill now": what the schedule does next, for its region only, and audited as a run. */
export async function runRegionBilling(deps: RunDeps, regionId: string, actor: RunActor): Promise<BillingRunResult> {
  const computed = await computeRegion(deps.db, regionId, actor);
  const pushed = await pushPending({ ...deps, regionId });
  const [pending] = await rowsOf<{ count: number }>(
    deps.db,
    sql`SELECT ((SELECT count(*) FROM invoices WHERE region_id = ${regionId} AND status = 'pending')
              + (SELECT count(*) FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id WHERE i.region_id = ${regionId} AND n.status = 'pending'))::int AS count`,
  );
  const result = {
    invoicesCreated: computed.invoicesCreated,
    creditNotesCreated: computed.creditNotesCreated,
    sent: pushed.sent,
    stillPending: pending?.count ?? 0,
  };
  await recordAudit(deps.db, {
    action: "payments.billing_run",
    recordType: "region",
    recordId: regionId,
    actorUserId: actor.userId ?? null,
    actorOrganisationId: actor.organisationId ?? null,
    ip: actor.ip ?? null,
    details: {
      invoices: result.invoicesCreated,
      credits: result.creditNotesCreated,
      sent: result.sent,
      stillPending: result.stillPending,
      computed: computed.ran,
    },
  });
  return result;
}

/** One tick of the schedule: every region with settings, then everything pending is pushed. */
export async function runAllBilling(deps: RunDeps): Promise<void> {
  const regions = await rowsOf<{ regionId: string }>(deps.db, sql`SELECT region_id AS "regionId" FROM billing_settings ORDER BY region_id`);
  for (const { regionId } of regions) {
    const computed = await computeRegion(deps.db, regionId);
    if (computed.linesCreated > 0 || computed.creditNotesCreated > 0) deps.logger?.info({ regionId, ...computed }, "billing: periods computed");
  }
  const pushed = await pushPending(deps);
  if (pushed.sent > 0 || pushed.failed > 0) deps.logger?.info(pushed, "billing: sent to Stripe");
}
