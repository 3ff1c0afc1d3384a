import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { organisations } from "../../../db/schema";
import { REFERENCE_DATA_DIR } from "../../../paths";
import { type GiasImportReport, importGias } from "./import-gias";

export const NORTH_WEST_EXTRACT = join(REFERENCE_DATA_DIR, "gias-extract-north-west-2017.csv");

export interface ImportDemoSettingsProps {
  db: Db;
  /** The demonstration region (the North West). */
  regionId: string;
}

/**
 * Gives the demo region its settings: the North West GIAS extract with the default (SEND)
 * types, through the same import as `npm run cli -- import gias`. It runs on every start, so it
 * imports only while the region has never had an import (no unclaimed-settings holder yet):
 * later starts cost one indexed read and add no audit entry. Returns null when it did nothing.
 */
export async function importDemoSettings({ db, regionId }: ImportDemoSettingsProps): Promise<GiasImportReport | null> {
  const [holder] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.regionId, regionId), eq(organisations.holdsUnclaimedSettings, true)));
  if (holder) return null;
  return importGias({ db, bytes: readFileSync(NORTH_WEST_EXTRACT), regionId });
}
