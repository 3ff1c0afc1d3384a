import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { LatLng } from "@shared/geo/distance";
import type { Db } from "../../../db/client";
import type { DbOrTx } from "../../../db/client";
import { outcodes } from "../../../db/schema";
import { parseCsv } from "../../../lib/csv";
import { REFERENCE_DATA_DIR } from "../../../paths";

/** The outward code of a UK postcode (A9, A99, AA9, AA99, A9A, AA9A), as the outcodes table checks it. */
const OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
/** A whole inward code (9AA), or a sector with part of it ("M14 5") as people type them. */
const INWARD_OR_SECTOR = /^[0-9][A-Z]{0,2}$/;

/**
 * The postcode district of a postcode or outward code: "M14 5RG", "m145rg" and "M14" all give
 * "M14". Undefined for anything that is not a UK outward code, including the non-geographic
 * "GIR 0AA". We keep only the district of a child's home, never the full postcode.
 */
export function normaliseOutcode(postcodeOrOutcode: string): string | undefined {
  const parts = postcodeOrOutcode.trim().toUpperCase().split(/\s+/);
  if (parts.length === 2) {
    const [outward = "", inward = ""] = parts;
    return OUTWARD.test(outward) && INWARD_OR_SECTOR.test(inward) ? outward : undefined;
  }
  if (parts.length !== 1) return undefined;
  const compact = parts[0] ?? "";
  // Without a space, a full postcode is its outward code followed by exactly three characters.
  if (compact.length >= 5 && /^[0-9][A-Z]{2}$/.test(compact.slice(-3)) && OUTWARD.test(compact.slice(0, -3))) return compact.slice(0, -3);
  return OUTWARD.test(compact) ? compact : undefined;
}

/** A postcode district and its centroid. */
export interface Outcode extends LatLng {
  outcode: string;
}

/** What loadOutcodes did: rows inserted and rows of the file it left out, by why. */
export interface OutcodeLoadResult {
  /** Rows inserted; 0 when the table already held outcodes. */
  loaded: number;
  /** Rows at 0,0: PO boxes and large users with no place on a map (e.g. BS0, WF90). */
  nonGeographic: number;
  /** Rows outside the table's latitude 49..61 / longitude -9..3 box (beyond Great Britain and Northern Ireland). */
  outOfRange: number;
  /** Rows whose code or coordinates do not parse. */
  malformed: number;
}

// Four values a row: far below PostgreSQL's 65,535 parameters a statement, few round trips.
const BATCH_SIZE = 1000;

/** Reads uk-outcode-centroids.csv into rows the outcodes table accepts, counting those it drops. */
export function readOutcodeCentroids(): { rows: Outcode[] } & Omit<OutcodeLoadResult, "loaded"> {
  const records = parseCsv(readFileSync(join(REFERENCE_DATA_DIR, "uk-outcode-centroids.csv"), "utf8"));
  const rows: Outcode[] = [];
  let nonGeographic = 0;
  let outOfRange = 0;
  let malformed = 0;
  for (const { values } of records) {
    const outcode = (values.postcode ?? "").toUpperCase();
    const latitude = Number(values.latitude);
    const longitude = Number(values.longitude);
    if (!OUTWARD.test(outcode) || values.latitude === "" || values.longitude === "" || !Number.isFinite(latitude) || !Number.isFinite(longitude)) malformed++;
    else if (latitude === 0 && longitude === 0) nonGeographic++;
    else if (latitude < 49 || latitude > 61 || longitude < -9 || longitude > 3) outOfRange++;
    else rows.push({ outcode, latitude, longitude });
  }
  return { rows, nonGeographic, outOfRange, malformed };
}

/**
 * Fills the outcodes table from the reference file when it is empty; otherwise does nothing
 * but one indexed read, so it is safe (and cheap) on every start.
 */
export async function loadOutcodes(db: Db): Promise<OutcodeLoadResult> {
  const [any] = await db.select({ outcode: outcodes.outcode }).from(outcodes).limit(1);
  if (any) return { loaded: 0, nonGeographic: 0, outOfRange: 0, malformed: 0 };
  const { rows, ...dropped } = readOutcodeCentroids();
  let loaded = 0;
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      // Another process may have loaded them meanwhile; its rows come from the same file.
      const inserted = await tx
        .insert(outcodes)
        .values(rows.slice(start, start + BATCH_SIZE))
        .onConflictDoNothing()
        .returning({ outcode: outcodes.outcode });
      loaded += inserted.length;
    }
  });
  return { loaded, ...dropped };
}

/** The district of a postcode or outward code, with its centroid; undefined if unknown. */
export async function findOutcode(db: DbOrTx, postcodeOrOutcode: string): Promise<Outcode | undefined> {
  const outcode = normaliseOutcode(postcodeOrOutcode);
  if (!outcode) return undefined;
  const [row] = await db.select().from(outcodes).where(eq(outcodes.outcode, outcode));
  return row;
}
