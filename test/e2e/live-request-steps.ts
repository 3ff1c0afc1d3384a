import type { Page } from "playwright-core";
import request from "supertest";
import type { Db } from "../../server/src/db/client";
import { childShortlists } from "../../server/src/db/schema";
import { buildChild } from "../factories/children";
import { inSeconds } from "../factories/placement-requests";
import { buildUser } from "../factories/users";

type Sql = { query<T>(text: string, params?: unknown[]): Promise<T[]> };

export const COUNCIL = "Manchester Council";
/** Two demo providers admitted to lot 2, each with one setting listed on it (server/src/db/seed). */
export const PENNINE = { person: "Provider administrator, Pennine Learning Trust (demo)", setting: "Moorside Residential College (demo)" };
export const RIBBLE = { person: "Provider administrator, Ribble Valley Children's Homes (demo)", setting: "Ribble View (demo)" };

/**
 * A Manchester child needing an education and 38-week residential place (lot 2, band C), with
 * both lot 2 demo settings on its shortlist: what the child-matching journey leaves behind.
 */
export async function childWithShortlist(db: Db, sql: Sql, reference: string): Promise<string> {
  const [council] = await sql.query<{ id: string }>("SELECT id FROM organisations WHERE kind = 'council' AND name = $1", [COUNCIL]);
  const settings = await sql.query<{ id: string }>("SELECT id FROM settings WHERE name = ANY($1) ORDER BY name", [[PENNINE.setting, RIBBLE.setting]]);
  if (!council || settings.length !== 2) throw new Error("The demo seed's council or lot 2 settings are missing");
  const child = await buildChild(db, {
    organisationId: council.id,
    reference,
    lotNumber: 2,
    priceBand: "C",
    sectionF: "A waking-day curriculum with speech and language therapy twice a week.",
  });
  await db.insert(childShortlists).values(settings.map((s) => ({ childId: child.id, settingId: s.id })));
  return child.id;
}

/**
 * A request of the demo council for a new child with that shortlist, open for three days, sent
 * through the API of the server at `base` by a new commissioner of the council (with an API
 * token): for pages that need a live request without walking the journey first.
 */
export async function openShortlistRequest(db: Db, sql: Sql, base: string, reference: string): Promise<{ childId: string; requestId: string }> {
  const childId = await childWithShortlist(db, sql, reference);
  const [council] = await sql.query<{ id: string }>("SELECT id FROM organisations WHERE kind = 'council' AND name = $1", [COUNCIL]);
  const author = await buildUser(db, { role: "commissioner", organisationId: council!.id });
  const shortlist = await sql.query<{ setting_id: string }>("SELECT setting_id FROM child_shortlists WHERE child_id = $1", [childId]);
  const made = await request(base)
    .post("/api/v1/placement-requests")
    .set(author.auth)
    .send({ childId, settingIds: shortlist.map((row) => row.setting_id), deadline: inSeconds(3 * 86_400) });
  if (made.status !== 201) throw new Error(`request not made: ${made.status} ${JSON.stringify(made.body)}`);
  return { childId, requestId: made.body.data.request.id as string };
}

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
});

/** A moment as the deadline fields take it: the time in England, as the form reads it. */
export async function fillDateTime(page: Page, legend: string, at: Date): Promise<void> {
  const parts = Object.fromEntries(LONDON.formatToParts(at).map((p) => [p.type, p.value]));
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(Number(parts.day)));
  await group.getByLabel("Month").fill(String(Number(parts.month)));
  await group.getByLabel("Year").fill(String(parts.year));
  await group.getByLabel("Hour").fill(String(parts.hour));
  await group.getByLabel("Minute").fill(String(parts.minute));
}

export interface OfferText {
  /** Pounds a week, as typed. */
  core: string;
  staffing: string;
  /** What the offer says for every criterion (suffixed with the criterion's number). */
  criteria: string;
}

/** Fills the whole offer form, starting in a fortnight. */
export async function fillOffer(page: Page, offer: OfferText): Promise<void> {
  await page.getByLabel("Core fee (£ a week)").fill(offer.core);
  await page.getByLabel("Staffing (£ a week)").fill(offer.staffing);
  await page.getByLabel("Therapies (£ a week)").fill("0");
  await page.getByLabel("Other costs (£ a week)").fill("0");
  const start = new Date(Date.now() + 14 * 86_400_000);
  const group = page.getByRole("group", { name: "Start date" });
  await group.getByLabel("Day").fill(String(start.getUTCDate()));
  await group.getByLabel("Month").fill(String(start.getUTCMonth() + 1));
  await group.getByLabel("Year").fill(String(start.getUTCFullYear()));
  const answers = page.locator("textarea[id*='-criterion-']");
  for (let i = 0; i < (await answers.count()); i++) await answers.nth(i).fill(`${offer.criteria} (${i + 1})`);
}
