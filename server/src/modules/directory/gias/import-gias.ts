import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { SEND_ESTABLISHMENT_TYPES } from "@shared/codes/directory";
import type { Db } from "../../../db/client";
import { organisations, outcodes, settings } from "../../../db/schema";
import { parseCsv } from "../../../lib/csv";
import { canonicalJson } from "../../audit/canonical-json";
import { recordAudit } from "../../audit/record-audit";
import { loadOutcodes } from "../geo/outcodes";
import { decodeCsvBytes } from "./decode";
import { giasColumns, type GiasSetting, type GiasSkipReason, mapGiasRow, REQUIRED_GIAS_COLUMNS } from "./map-row";
import { unclaimedHolders } from "./unclaimed-holders";

/** What an import did. Failed rows are reported by the line they start on in the file. */
export interface GiasImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: Partial<Record<GiasSkipReason, number>>;
  failed: { line: number; reason: string }[];
}

/** The file is not something we can import at all (as opposed to a bad row in it). */
export class GiasFileError extends Error {}

export interface ImportGiasProps {
  /** The database; the import runs in one transaction of its own. */
  db: Db;
  /** The CSV file's bytes, UTF-8 or Windows-1252 (the DfE's edubasealldata<date>.csv). */
  bytes: Uint8Array;
  /** Establishment type codes to import (two digits); default the SEND types. */
  types?: readonly string[];
  /** Region for new settings; default the region whose council has the row's LA code, else the first region. */
  regionId?: string;
  /** Who ran the import, for the audit log (a uuid); absent for the command line and the seed. */
  actorUserId?: string | null;
}

// One import at a time across app nodes, so two never race to insert the same URN.
const GIAS_IMPORT_LOCK_KEY = 7_240_613;
const BATCH_SIZE = 500;

/**
 * Imports (upserts by URN) the establishments of a GIAS CSV as draft settings.
 *
 * The update rule: GIAS owns a setting only while it is source 'gias' AND still sits with its
 * region's unclaimed-settings organisation. Then a re-import refreshes the GIAS fields (name,
 * type, ages, sex, boarding, address, postcode district and location, and needs and Ofsted when
 * the file has those columns). Once a provider has claimed it (it moved to their organisation)
 * or saved it themselves (source 'provider'), the provider's word wins: the row is skipped as
 * "provider_owned" and nothing of the setting is touched. Lots, capacity, vacancies, risks,
 * therapies, staffing, description and status are never GIAS's: an import never writes them.
 */
export async function importGias({ db, bytes, types, regionId, actorUserId }: ImportGiasProps): Promise<GiasImportReport> {
  const { text, encoding } = decodeCsvBytes(bytes);
  const records = parseCsv(text);
  const header = Object.keys(records[0]?.values ?? {});
  if (records.length === 0) throw new GiasFileError("The file has no establishments (it is empty, or has only a header)");
  const missing = REQUIRED_GIAS_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new GiasFileError(`This is not a GIAS establishments file: it has no ${missing.map((m) => `"${m}"`).join(", ")} column`);

  // "7" and "07" are the same type: edubasealldata writes codes unpadded, our codes are padded.
  const selected = new Set((types ?? Object.keys(SEND_ESTABLISHMENT_TYPES)).map((code) => code.trim().padStart(2, "0")));
  const columns = giasColumns(header);
  const report: GiasImportReport = { imported: 0, updated: 0, unchanged: 0, skipped: {}, failed: [] };
  const skip = (reason: GiasSkipReason) => (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);
  const rows: GiasSetting[] = [];
  const lineByUrn = new Map<string, number>();
  for (const { line, values } of records) {
    const result = mapGiasRow({ values, types: selected, columns });
    if (result.kind === "skipped") skip(result.reason);
    else if (result.kind === "failed") report.failed.push({ line, reason: result.reason });
    else if (lineByUrn.has(result.setting.urn))
      report.failed.push({ line, reason: `URN ${result.setting.urn} is also on line ${lineByUrn.get(result.setting.urn)}` });
    else {
      lineByUrn.set(result.setting.urn, line);
      rows.push(result.setting);
    }
  }

  // Settings are placed by postcode district, so the districts must be there first.
  await loadOutcodes(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${GIAS_IMPORT_LOCK_KEY})`);
    const places = new Map<string, { latitude: number; longitude: number }>();
    const existing = new Map<string, ExistingSetting>();
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const batch = rows.slice(start, start + BATCH_SIZE);
      const codes = [...new Set(batch.flatMap((r) => (r.outcode ? [r.outcode] : [])))];
      if (codes.length > 0) for (const o of await tx.select().from(outcodes).where(inArray(outcodes.outcode, codes))) places.set(o.outcode, o);
      const found = await tx
        .select({
          ...OWNED_COLUMNS,
          id: settings.id,
          urn: settings.urn,
          source: settings.source,
          organisationId: settings.organisationId,
          unclaimed: organisations.holdsUnclaimedSettings,
        })
        .from(settings)
        .innerJoin(organisations, eq(organisations.id, settings.organisationId))
        .where(
          inArray(
            settings.urn,
            batch.map((r) => r.urn),
          ),
        );
      for (const row of found) existing.set(row.urn, row);
    }

    const holders = await unclaimedHolders(tx, regionId);
    const inserts: (typeof settings.$inferInsert)[] = [];
    for (const row of rows) {
      const fields = ownedFields(row, places.get(row.outcode ?? ""));
      const current = existing.get(row.urn);
      if (!current) {
        inserts.push({ ...fields, urn: row.urn, organisationId: await holders.forLaCode(row.laCode), status: "draft", source: "gias" });
      } else if (!current.unclaimed || current.source !== "gias") {
        skip("provider_owned");
      } else if (sameFields(fields, current)) {
        report.unchanged++;
      } else {
        // The WHERE repeats the rule, so a claim committed since we read the row wins.
        const changed = await tx
          .update(settings)
          .set({ ...fields, updatedAt: new Date() })
          .where(and(eq(settings.id, current.id), eq(settings.organisationId, current.organisationId), eq(settings.source, "gias")))
          .returning({ id: settings.id });
        if (changed.length > 0) report.updated++;
        else skip("provider_owned");
      }
    }
    for (let start = 0; start < inserts.length; start += BATCH_SIZE) {
      await tx.insert(settings).values(inserts.slice(start, start + BATCH_SIZE));
    }
    report.imported = inserts.length;

    // One entry for the whole file: counts and the file's fingerprint, never a row per school.
    await recordAudit(tx, {
      action: "gias.import",
      recordType: "import",
      actorUserId: actorUserId ?? null,
      details: {
        sha256: createHash("sha256").update(bytes).digest("hex"),
        encoding,
        types: [...selected].sort(),
        imported: report.imported,
        updated: report.updated,
        unchanged: report.unchanged,
        skipped: report.skipped,
        failed: report.failed.length,
      },
    });
  });
  return report;
}

// The columns GIAS owns, read back to compare with what the file says now.
const OWNED_COLUMNS = {
  name: settings.name,
  establishmentTypeCode: settings.establishmentTypeCode,
  establishmentTypeName: settings.establishmentTypeName,
  ageLow: settings.ageLow,
  ageHigh: settings.ageHigh,
  sexAdmitted: settings.sexAdmitted,
  residentialTypes: settings.residentialTypes,
  addressLine1: settings.addressLine1,
  addressLine2: settings.addressLine2,
  town: settings.town,
  postcode: settings.postcode,
  outcode: settings.outcode,
  laCode: settings.laCode,
  latitude: settings.latitude,
  longitude: settings.longitude,
  needs: settings.needs,
  needCodes: settings.needCodes,
  ofstedGrade: settings.ofstedGrade,
  ofstedInspectionDate: settings.ofstedInspectionDate,
};

type SettingRow = typeof settings.$inferSelect;
type OwnedFields = Pick<SettingRow, Exclude<keyof typeof OWNED_COLUMNS, OptionalColumn>> & Partial<Pick<SettingRow, OptionalColumn>>;
/** Needs and Ofsted are GIAS's only when the file has their columns (the 2017 extract has not). */
type OptionalColumn = "needs" | "needCodes" | "ofstedGrade" | "ofstedInspectionDate";
type ExistingSetting = Pick<SettingRow, keyof typeof OWNED_COLUMNS | "id" | "urn" | "source" | "organisationId"> & { unclaimed: boolean };

/** The values GIAS sets on a setting; needs and Ofsted only when the file has those columns. */
function ownedFields(row: GiasSetting, place: { latitude: number; longitude: number } | undefined): OwnedFields {
  return {
    name: row.name,
    establishmentTypeCode: row.establishmentTypeCode,
    establishmentTypeName: row.establishmentTypeName,
    ageLow: row.ageLow,
    ageHigh: row.ageHigh,
    sexAdmitted: row.sexAdmitted,
    residentialTypes: row.residentialTypes,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    town: row.town,
    postcode: row.postcode,
    outcode: row.outcode,
    // The authority the setting stands in, for "in or out of the council's area" (issue 13).
    laCode: row.laCode,
    // A postcode whose district we do not know (new, or non-geographic) leaves the setting unplaced.
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    ...(row.needs ? { needs: row.needs, needCodes: row.needs.map((n) => n.code) } : {}),
    ...(row.ofsted ? { ofstedGrade: row.ofsted.grade, ofstedInspectionDate: row.ofsted.inspectionDate } : {}),
  };
}

function sameFields(fields: OwnedFields, current: ExistingSetting): boolean {
  // canonicalJson sorts keys, so jsonb's reordering of a need's keys is not a change.
  return (Object.keys(fields) as (keyof OwnedFields)[]).every((key) => canonicalJson(fields[key] ?? null) === canonicalJson(current[key] ?? null));
}
