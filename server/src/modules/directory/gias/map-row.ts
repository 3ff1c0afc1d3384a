import { type NeedSupportLevel, type OfstedGrade, type ResidentialType, SEND_ESTABLISHMENT_TYPES, type SexAdmitted } from "@shared/codes/directory";
import type { NeedCode } from "@shared/codes/needs";
import { normaliseOutcode } from "../geo/outcodes";
import { isError, readAges, readDate, readNeeds, readOfstedGrade, readResidentialTypes, readSex, readTypeCode } from "./gias-values";

/** Why a row was left out on purpose (counted, not reported line by line). */
export type GiasSkipReason = "no_urn" | "type_not_selected" | "closed" | "provider_owned";

/** The GIAS-owned part of a setting, as one row of the file gives it. */
export interface GiasSetting {
  urn: string;
  /** The row's local authority, to find its region; null if the row has none. */
  laCode: string | null;
  name: string;
  establishmentTypeCode: string;
  establishmentTypeName: string | null;
  ageLow: number;
  ageHigh: number;
  sexAdmitted: SexAdmitted;
  residentialTypes: ResidentialType[];
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string;
  outcode: string | null;
  /** Absent when the file has no SEN1.. columns: then an import leaves needs as they are. */
  needs?: { code: NeedCode; level: NeedSupportLevel }[];
  /** Absent when the file has no Ofsted columns. */
  ofsted?: { grade: OfstedGrade | null; inspectionDate: string | null };
}

export type GiasRowResult = { kind: "setting"; setting: GiasSetting } | { kind: "skipped"; reason: GiasSkipReason } | { kind: "failed"; reason: string };

/** Which optional column groups a file has (the 2017 extract has neither; the live file both). */
export interface GiasColumns {
  sen: string[];
  ofsted: boolean;
}

/** Without these a file is not a GIAS establishments file at all. */
export const REQUIRED_GIAS_COLUMNS = [
  "URN",
  "EstablishmentName",
  "TypeOfEstablishment (code)",
  "EstablishmentStatus (name)",
  "StatutoryLowAge",
  "StatutoryHighAge",
  "Gender (name)",
  "Postcode",
];

export function giasColumns(header: string[]): GiasColumns {
  return {
    sen: header.filter((name) => /^SEN\d+ \(name\)$/.test(name)),
    ofsted: header.includes("OfstedRating (name)") || header.includes("OfstedLastInsp"),
  };
}

/** Special schools are built around the needs they list; other types (PRUs, AP, mainstream) can meet them. */
const SPECIAL_SCHOOL_TYPES = new Set(["07", "08", "10", "12", "33", "36", "44"]);

export interface MapGiasRowProps {
  /** The row's cells by column name, trimmed (parseCsv). */
  values: Record<string, string>;
  /** Establishment type codes to import, two digits each. */
  types: ReadonlySet<string>;
  columns: GiasColumns;
}

/** One GIAS row to the GIAS-owned fields of a draft setting, or why it was skipped or failed. */
export function mapGiasRow({ values, types, columns }: MapGiasRowProps): GiasRowResult {
  const cell = (name: string) => (values[name] ?? "").trim();
  const urn = cell("URN");
  if (urn === "") return { kind: "skipped", reason: "no_urn" };
  const typeCode = readTypeCode(cell("TypeOfEstablishment (code)"));
  if (isError(typeCode)) return { kind: "failed", reason: typeCode.error };
  if (!types.has(typeCode)) return { kind: "skipped", reason: "type_not_selected" };
  // Only "Closed" is skipped. A school "Open, but proposed to close" still teaches children and
  // may be the right place for one now; "Proposed to open" can be claimed and completed before
  // it opens. Both arrive as drafts, which no commissioner sees until the provider publishes.
  if (cell("EstablishmentStatus (name)").toLowerCase() === "closed") return { kind: "skipped", reason: "closed" };

  const fail = (reason: string): GiasRowResult => ({ kind: "failed", reason });
  if (!/^\d{6}$/.test(urn)) return fail(`URN "${urn}" is not 6 digits`);
  const name = cell("EstablishmentName").replace(/\s+/g, " ");
  if (name === "") return fail("EstablishmentName is empty");
  if (name.length > 200) return fail(`EstablishmentName is ${name.length} characters (at most 200)`);
  const ages = readAges(cell("StatutoryLowAge"), cell("StatutoryHighAge"));
  if (isError(ages)) return fail(ages.error);
  const sexAdmitted = readSex(cell("Gender (name)"));
  if (isError(sexAdmitted)) return fail(sexAdmitted.error);
  const inspectionDate = readDate(cell("OfstedLastInsp"), "OfstedLastInsp");
  if (isError(inspectionDate)) return fail(inspectionDate.error);

  const laCode = cell("LA (code)");
  const postcode = cell("Postcode").toUpperCase().replace(/\s+/g, " ");
  const setting: GiasSetting = {
    urn,
    laCode: /^\d{3}$/.test(laCode) ? laCode : null,
    name,
    establishmentTypeCode: typeCode,
    establishmentTypeName: cell("TypeOfEstablishment (name)") || SEND_ESTABLISHMENT_TYPES[typeCode] || null,
    ...ages,
    sexAdmitted,
    residentialTypes: readResidentialTypes(cell("Boarders (name)")),
    addressLine1: cell("Street"),
    addressLine2: [cell("Locality"), cell("Address3")].filter(Boolean).join(", ") || null,
    town: cell("Town"),
    postcode,
    outcode: normaliseOutcode(postcode) ?? null,
  };
  if (columns.sen.length > 0) setting.needs = readNeeds(columns.sen.map(cell), SPECIAL_SCHOOL_TYPES.has(typeCode) ? "specialist" : "supported");
  if (columns.ofsted) setting.ofsted = { grade: readOfstedGrade(cell("OfstedRating (name)")), inspectionDate };
  return { kind: "setting", setting };
}
