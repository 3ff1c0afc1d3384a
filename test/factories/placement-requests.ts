import { eq, sql } from "drizzle-orm";
import type { Express } from "express";
import request from "supertest";
import type { Db } from "../../server/src/db/client";
import { placementRequests } from "../../server/src/db/schema";
import { closeDueRequests } from "../../server/src/modules/placement-requests/commands/close-due";
import { buildChild } from "./children";
import { admitProvider, buildSetting, frameworkOf } from "./directory";
import { buildOrganisation, buildRegion } from "./organisations";
import { buildUser, type BuiltUser } from "./users";

export interface Market {
  regionId: string;
  commissioner: BuiltUser;
  /** Another council's commissioner in the same region. */
  otherCommissioner: BuiltUser;
  providers: { person: BuiltUser; organisationId: string; settingId: string }[];
  /** A provider of the region that is not invited. */
  outsider: BuiltUser;
  panel: BuiltUser;
  hub: BuiltUser;
  childId: string;
}

/**
 * A region with a council, a child (band C, lot 1), and `providers` admitted providers each with
 * one listed setting on lot 1 and band ceilings of £2,000 a week.
 */
export async function buildMarket(db: Db, options: { providers?: number } = {}): Promise<Market> {
  const regionId = (await buildRegion(db)).id;
  const framework = await frameworkOf(db, regionId);
  for (const [lot, lotId] of framework.lots) {
    for (const band of ["A", "B", "C", "D", "E"]) {
      await db.execute(
        sql`INSERT INTO price_bands (lot_id, band, description, weekly_ceiling_pence) VALUES (${lotId}, ${band}, ${`Band ${band} lot ${lot}`}, 200000)`,
      );
    }
  }
  const council = await buildOrganisation(db, { kind: "council", regionId });
  const commissioner = await buildUser(db, { role: "commissioner", organisationId: council.id });
  const otherCommissioner = await buildUser(db, { role: "commissioner", regionId });
  const providers: Market["providers"] = [];
  for (let i = 0; i < (options.providers ?? 2); i++) {
    const org = await buildOrganisation(db, { kind: "provider", regionId, name: `Provider ${i + 1} ${Math.random().toString(36).slice(2, 6)}` });
    await admitProvider(db, { organisationId: org.id, regionId, lots: [1] });
    const setting = await buildSetting(db, { organisationId: org.id, name: `Setting ${i + 1}` });
    providers.push({ person: await buildUser(db, { role: "provider", organisationId: org.id }), organisationId: org.id, settingId: setting.id });
  }
  const child = await buildChild(db, { organisationId: council.id, priceBand: "C" });
  return {
    regionId,
    commissioner,
    otherCommissioner,
    providers,
    outsider: await buildUser(db, { role: "provider", regionId }),
    panel: await buildUser(db, { role: "parent_panel", regionId }),
    hub: await buildUser(db, { role: "regional_admin", orgAdmin: true, regionId }),
    childId: child.id,
  };
}

/** A request with no standstill (and its recorded reason): awarding it makes the placement at once. */
export const NO_STANDSTILL = { standstillDays: 0, standstillReason: "Urgent placement: the child needs a place this week." } as const;

export const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** `app` is the Express app, or the base URL of a running node. */
export async function openRequest(app: Express | string, market: Market, body: Record<string, unknown> = {}) {
  const res = await request(app)
    .post("/api/v1/placement-requests")
    .set(market.commissioner.auth)
    .send({ childId: market.childId, settingIds: market.providers.map((p) => p.settingId), deadline: inSeconds(3600), ...body });
  if (res.status !== 201) throw new Error(`request not made: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { request: { id: string; state: string } };
}

export function offerBody(settingId: string, overrides: Record<string, unknown> = {}) {
  return {
    settingId,
    fee: { corePence: 120000, staffingPence: 30000, therapiesPence: 10000, otherPence: 0 },
    startDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    criteria: {
      section_f: "Small classes and a weekly speech therapist.",
      staffing: "1:2 with a key worker.",
      therapies: "SALT weekly.",
      transition: "Three visits first.",
    },
    notes: "",
    ...overrides,
  };
}

/** Moves the deadline into the past, as if time had passed (the scheduler or closeDueRequests then closes it). */
export async function passDeadline(db: Db, requestId: string) {
  await db.execute(sql`UPDATE placement_requests SET deadline = clock_timestamp() - interval '1 second' WHERE id = ${requestId}`);
}

/**
 * Passes the deadline and returns once the request is closed, by closeDueRequests or by a running
 * server's scheduler. closeDueRequests skips a row another node is closing (SKIP LOCKED), so with
 * a server running it may return before that server's close has committed.
 */
export async function closeNow(db: Db, requestId: string) {
  await passDeadline(db, requestId);
  for (let waited = 0; ; waited += 50) {
    await closeDueRequests(db);
    const [row] = await db.select({ state: placementRequests.state }).from(placementRequests).where(eq(placementRequests.id, requestId));
    if (row?.state !== "open") return;
    if (waited > 10_000) throw new Error(`request ${requestId} still open 10 s after its deadline`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
