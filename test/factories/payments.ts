import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { InvoiceStatus } from "@shared/codes/payments";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { billingSettings, creditNotes, invoiceLines, invoices, providerMemberships, stripeAccounts } from "../../server/src/db/schema";
import { buildChild } from "./children";
import { admitProvider, buildSetting, frameworkOf } from "./directory";
import { buildOrganisation, buildRegion } from "./organisations";
import { buildUser, type BuiltUser } from "./users";

const tag = () => randomBytes(3).toString("hex");

export interface BillingParty {
  organisationId: string;
  name: string;
  person: BuiltUser;
}

export interface BillingWorld {
  regionId: string;
  hub: BuiltUser;
  /** Council A: four invoices with the connected provider (paid, overdue, open, pending) and a placement waiting on the other provider. */
  councilA: BillingParty;
  /** Council B: one open invoice with the connected provider. */
  councilB: BillingParty;
  /** Fully connected to Stripe (charges and payouts enabled), membership paid. */
  connected: BillingParty & { settingId: string };
  /** No Stripe account at all, no membership row (so 'unpaid' while membership is on). */
  unconnected: BillingParty & { settingId: string };
  /** Council A's children's pseudonymised references, by placement. */
  childReferences: Record<string, string>;
  placements: { a1: string; a2: string; waiting: string; b1: string };
  invoices: { aprilPaid: string; mayOverdue: string; juneOpen: string; julyPending: string; councilBMay: string };
  credits: { aprilIssued: string; mayPending: string };
  /** Another region with its own hub, council, provider and one invoice: never seen from this one. */
  other: { regionId: string; hub: BuiltUser; commissioner: BuiltUser; invoiceId: string };
}

interface InvoiceSpec {
  regionId: string;
  councilId: string;
  providerId: string;
  month: string;
  status: InvoiceStatus;
  /** Days from the database's today; negative is past. */
  dueInDays?: number;
  lines: { placementId: string; amountPence: number }[];
  levyBasisPoints?: number;
  lastError?: string;
  attempts?: number;
}

const monthEnd = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** One invoice as the billing run and Stripe's webhooks would have left it, with its lines. */
export async function buildInvoice(db: Db, spec: InvoiceSpec): Promise<string> {
  const periodStart = `${spec.month}-01`;
  const periodEnd = monthEnd(spec.month);
  const total = spec.lines.reduce((sum, l) => sum + l.amountPence, 0);
  const bp = spec.levyBasisPoints ?? 500;
  const inStripe = spec.status !== "pending";
  const number = `PX-${tag().toUpperCase()}`;
  const [row] = await db
    .insert(invoices)
    .values({
      regionId: spec.regionId,
      councilId: spec.councilId,
      providerId: spec.providerId,
      kind: "period",
      periodStart,
      periodEnd,
      status: spec.status,
      totalPence: total,
      levyBasisPoints: bp,
      levyPence: Math.round((total * bp) / 10_000),
      stripeInvoiceId: inStripe ? `in_test_${tag()}${tag()}` : null,
      hostedInvoiceUrl: inStripe ? `https://invoice.stripe.test/${number}` : null,
      invoiceNumber: inStripe ? number : null,
      dueDate: inStripe ? sql`current_date + ${spec.dueInDays ?? 30}::int` : null,
      attempts: spec.attempts ?? (inStripe ? 1 : 0),
      lastError: spec.lastError ?? null,
      paidAt: spec.status === "paid" ? sql`now() - interval '3 days'` : null,
    })
    .returning({ id: invoices.id });
  if (!row) throw new Error("no invoice");
  for (const line of spec.lines) {
    await db.insert(invoiceLines).values({
      invoiceId: row.id,
      placementId: line.placementId,
      periodStart,
      periodEnd,
      amountPence: line.amountPence,
      description: `Placement fee ${periodStart} to ${periodEnd}`,
      stripeItemId: inStripe ? `ii_test_${tag()}${tag()}` : null,
    });
  }
  return row.id;
}

async function buildCredit(
  db: Db,
  spec: { invoiceId: string; placementId: string; month: string; amountPence: number; status: "pending" | "issued"; lastError?: string },
): Promise<string> {
  const [row] = await db
    .insert(creditNotes)
    .values({
      invoiceId: spec.invoiceId,
      placementId: spec.placementId,
      periodStart: `${spec.month}-01`,
      periodEnd: monthEnd(spec.month),
      amountPence: spec.amountPence,
      reason: "The placement's fee was lowered after the period was invoiced",
      status: spec.status,
      stripeCreditNoteId: spec.status === "issued" ? `cn_test_${tag()}${tag()}` : null,
      attempts: spec.lastError ? 2 : 0,
      lastError: spec.lastError ?? null,
    })
    .returning({ id: creditNotes.id });
  if (!row) throw new Error("no credit note");
  return row.id;
}

async function buildPlacement(
  db: Db,
  p: { childId: string; councilId: string; settingId: string; providerId: string; fee: number; start: string; end?: string },
): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO placements (child_id, council_id, setting_id, provider_id, weekly_fee_pence, start_date, end_date)
        VALUES (${p.childId}, ${p.councilId}, ${p.settingId}, ${p.providerId}, ${p.fee}, ${p.start}, ${p.end ?? null}) RETURNING id`,
  );
  if (!row) throw new Error("no placement");
  return row.id;
}

async function party(db: Db, regionId: string, kind: "council" | "provider", name: string): Promise<BillingParty> {
  const org = await buildOrganisation(db, { kind, regionId, name: `${name} ${tag()}` });
  const person = await buildUser(db, { role: kind === "council" ? "commissioner" : "provider", organisationId: org.id });
  return { organisationId: org.id, name: org.name, person };
}

/**
 * A region whose billing is on (monthly, 5% levy, membership £500), with a hub, two councils and
 * two providers (one connected to Stripe, one not), placements on lots 1 and 2, and invoices in
 * every state a person can see: paid (with a credit issued), overdue, open, pending (Stripe failed,
 * with a pending credit too). Amounts in pence; lines add up to each invoice's total.
 */
export async function buildBillingWorld(db: Db): Promise<BillingWorld> {
  const regionId = (await buildRegion(db)).id;
  await frameworkOf(db, regionId);
  const hub = await buildUser(db, { role: "regional_admin", orgAdmin: true, regionId });
  const councilA = await party(db, regionId, "council", "Council A");
  const councilB = await party(db, regionId, "council", "Council B");
  const providers: (BillingParty & { settingId: string })[] = [];
  for (const name of ["Connected provider", "Unconnected provider"]) {
    const p = await party(db, regionId, "provider", name);
    await admitProvider(db, { organisationId: p.organisationId, regionId, lots: [1, 2] });
    const setting = await buildSetting(db, { organisationId: p.organisationId, name: `${name} setting`, lotNumbers: [1, 2] });
    providers.push({ ...p, settingId: setting.id });
  }
  const [connected, unconnected] = providers as [BillingParty & { settingId: string }, BillingParty & { settingId: string }];
  await db.insert(stripeAccounts).values({
    organisationId: connected.organisationId,
    accountId: `acct_test_${tag()}${tag()}`,
    detailsSubmitted: true,
    chargesEnabled: true,
    payoutsEnabled: true,
    syncedAt: new Date(),
  });
  await db.insert(billingSettings).values({
    regionId,
    periodKind: "month",
    startsOn: "2026-04-01",
    levyBasisPoints: 500,
    membershipEnabled: true,
    membershipFeePence: 50_000,
  });
  await db.insert(providerMemberships).values({ organisationId: connected.organisationId, regionId, status: "active", feePence: 50_000 });

  const childReferences: Record<string, string> = {};
  const place = async (councilId: string, provider: { organisationId: string; settingId: string }, lot: number, fee: number) => {
    const child = await buildChild(db, { organisationId: councilId, lotNumber: lot });
    const id = await buildPlacement(db, {
      childId: child.id,
      councilId,
      settingId: provider.settingId,
      providerId: provider.organisationId,
      fee,
      start: "2026-04-01",
    });
    childReferences[id] = child.reference;
    return id;
  };
  const a1 = await place(councilA.organisationId, connected, 1, 140_000);
  const a2 = await place(councilA.organisationId, connected, 2, 70_000);
  const waiting = await place(councilA.organisationId, unconnected, 1, 100_000);
  const b1 = await place(councilB.organisationId, connected, 1, 105_000);

  const forA = { regionId, councilId: councilA.organisationId, providerId: connected.organisationId };
  const lines = [
    { placementId: a1, amountPence: 600_000 },
    { placementId: a2, amountPence: 300_000 },
  ];
  const aprilPaid = await buildInvoice(db, { ...forA, month: "2026-04", status: "paid", dueInDays: -20, lines });
  const mayOverdue = await buildInvoice(db, { ...forA, month: "2026-05", status: "open", dueInDays: -5, lines });
  const juneOpen = await buildInvoice(db, { ...forA, month: "2026-06", status: "open", dueInDays: 10, lines });
  const julyPending = await buildInvoice(db, {
    ...forA,
    month: "2026-07",
    status: "pending",
    lines,
    lastError: "Stripe could not be reached (503); retrying",
    attempts: 3,
  });
  const councilBMay = await buildInvoice(db, {
    regionId,
    councilId: councilB.organisationId,
    providerId: connected.organisationId,
    month: "2026-05",
    status: "open",
    dueInDays: 12,
    lines: [{ placementId: b1, amountPence: 450_000 }],
  });
  const aprilIssued = await buildCredit(db, { invoiceId: aprilPaid, placementId: a2, month: "2026-04", amountPence: 20_000, status: "issued" });
  const mayPending = await buildCredit(db, {
    invoiceId: mayOverdue,
    placementId: a1,
    month: "2026-05",
    amountPence: 15_000,
    status: "pending",
    lastError: "Stripe refused the credit note (invoice locked)",
  });

  const otherRegionId = (await buildRegion(db)).id;
  const otherCouncil = await party(db, otherRegionId, "council", "Far council");
  const otherProvider = await party(db, otherRegionId, "provider", "Far provider");
  const otherSetting = await buildSetting(db, { organisationId: otherProvider.organisationId });
  const otherChild = await buildChild(db, { organisationId: otherCouncil.organisationId });
  const otherPlacement = await buildPlacement(db, {
    childId: otherChild.id,
    councilId: otherCouncil.organisationId,
    settingId: otherSetting.id,
    providerId: otherProvider.organisationId,
    fee: 90_000,
    start: "2026-04-01",
  });
  const otherInvoice = await buildInvoice(db, {
    regionId: otherRegionId,
    councilId: otherCouncil.organisationId,
    providerId: otherProvider.organisationId,
    month: "2026-05",
    status: "open",
    dueInDays: -3,
    lines: [{ placementId: otherPlacement, amountPence: 390_000 }],
  });

  return {
    regionId,
    hub,
    councilA,
    councilB,
    connected,
    unconnected,
    childReferences,
    placements: { a1, a2, waiting, b1 },
    invoices: { aprilPaid, mayOverdue, juneOpen, julyPending, councilBMay },
    credits: { aprilIssued, mayPending },
    other: {
      regionId: otherRegionId,
      hub: await buildUser(db, { role: "regional_admin", regionId: otherRegionId }),
      commissioner: otherCouncil.person,
      invoiceId: otherInvoice,
    },
  };
}

/**
 * An open invoice with one line in a region, for a given council or provider (the other party,
 * the child and the setting made fresh): what the access matrix asks about.
 */
export async function buildInvoiceFor(db: Db, options: { regionId: string; councilId?: string; providerId?: string }): Promise<string> {
  const { regionId } = options;
  const councilId = options.councilId ?? (await buildOrganisation(db, { kind: "council", regionId })).id;
  const providerId = options.providerId ?? (await buildOrganisation(db, { kind: "provider", regionId })).id;
  const setting = await buildSetting(db, { organisationId: providerId });
  const child = await buildChild(db, { organisationId: councilId });
  const placementId = await buildPlacement(db, { childId: child.id, councilId, settingId: setting.id, providerId, fee: 100_000, start: "2026-04-01" });
  return buildInvoice(db, { regionId, councilId, providerId, month: "2026-05", status: "open", lines: [{ placementId, amountPence: 430_000 }] });
}
