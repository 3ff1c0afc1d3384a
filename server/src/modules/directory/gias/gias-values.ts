import type { NeedSupportLevel, OfstedGrade, ResidentialType, SexAdmitted } from "@shared/codes/directory";
import { type NeedCode, NEEDS } from "@shared/codes/needs";

// Readers for single GIAS values. Each returns the value, or { error } with a sentence that
// names the column, for the import report.

export type Read<T> = T | { error: string };
export const isError = <T>(value: Read<T>): value is { error: string } => typeof value === "object" && value !== null && "error" in value;

/** GIAS writes type codes unpadded in edubasealldata ("7") and padded in extracts ("07"). */
export function readTypeCode(raw: string): Read<string> {
  if (!/^\d{1,2}$/.test(raw)) return { error: raw ? `TypeOfEstablishment (code) "${raw}" is not a type code` : "TypeOfEstablishment (code) is empty" };
  return raw.padStart(2, "0");
}

// The settings table holds ages 0 to 25: the SEND system's span (Children and Families Act 2014).
const YOUNGEST = 0;
const OLDEST = 25;
const clampAge = (age: number) => Math.min(OLDEST, Math.max(YOUNGEST, age));

/** Statutory ages; a blank age is open-ended (0 or 25), anything outside 0..25 is clamped. */
export function readAges(lowRaw: string, highRaw: string): Read<{ ageLow: number; ageHigh: number }> {
  for (const [column, raw] of [
    ["StatutoryLowAge", lowRaw],
    ["StatutoryHighAge", highRaw],
  ] as const) {
    if (raw !== "" && !/^\d{1,3}$/.test(raw)) return { error: `${column} "${raw}" is not a whole number of years` };
  }
  const ageLow = clampAge(lowRaw === "" ? YOUNGEST : Number(lowRaw));
  const ageHigh = clampAge(highRaw === "" ? OLDEST : Number(highRaw));
  if (ageLow > ageHigh) return { error: `StatutoryLowAge ${lowRaw} is above StatutoryHighAge ${highRaw}` };
  return { ageLow, ageHigh };
}

/**
 * Gender (name). GIAS writes "Not applicable" (or nothing) where an establishment has no
 * admissions policy by sex, so it turns no one away by sex: mixed. Anything else unknown is a
 * failure, since guessing "mixed" for a single-sex school would match the wrong children.
 */
export function readSex(raw: string): Read<SexAdmitted> {
  const value = raw.toLowerCase();
  if (value === "mixed" || value === "" || value === "not applicable") return "mixed";
  if (value === "boys") return "boys";
  if (value === "girls") return "girls";
  return { error: `Gender (name) "${raw}" is not Mixed, Boys or Girls` };
}

/**
 * Boarders (name). "No Boarders", "Not applicable" or blank: a day setting. Any kind of
 * boarding ("Boarding School", "Children's Home (Boarding School)", "Has boarders"): day and
 * 38-week residential. GIAS does not say whether children board all year, and most boarding
 * special schools board in term time only; 52-week care is a children's home registration the
 * provider declares when it completes the setting. Saying 52-week here would wrongly put a
 * termly school into lot 3 searches. Boarding special schools take day pupils too, hence "day".
 */
export function readResidentialTypes(raw: string): ResidentialType[] {
  const value = raw.toLowerCase();
  if (value === "" || value.startsWith("no ") || value.startsWith("not ")) return ["day"];
  return value.includes("board") ? ["day", "38_week"] : ["day"];
}

const NEED_CODES = new Set<string>(NEEDS.map((n) => n.code));

/**
 * SEN1..SEN13 (name), e.g. "ASD - Autistic Spectrum Disorder", "SpLD - Specific Learning
 * Difficulty": the SEN2 code before " - ", in any case. Values outside SEN2 (blank, "Not
 * Applicable") are ignored rather than failing the row: the school itself is still wanted.
 */
export function readNeeds(raws: string[], level: NeedSupportLevel): { code: NeedCode; level: NeedSupportLevel }[] {
  const codes = new Set<NeedCode>();
  for (const raw of raws) {
    const code = (raw.split(" - ", 1)[0] ?? "").trim().toUpperCase();
    if (NEED_CODES.has(code)) codes.add(code as NeedCode);
  }
  return [...codes].map((code) => ({ code, level }));
}

// Ofsted's former judgements; "Serious Weaknesses" and "Special Measures" are the two
// categories of concern within grade 4, Inadequate.
const OFSTED_GRADES: Record<string, OfstedGrade> = {
  outstanding: 1,
  good: 2,
  "requires improvement": 3,
  inadequate: 4,
  "serious weaknesses": 4,
  "special measures": 4,
};

/** OfstedRating (name); other values (blank, "Insufficient evidence") mean no grade on record. */
export function readOfstedGrade(raw: string): OfstedGrade | null {
  return OFSTED_GRADES[raw.toLowerCase()] ?? null;
}

/** OfstedLastInsp as dd-mm-yyyy or dd/mm/yyyy (or ISO yyyy-mm-dd), to an ISO date; blank is null. */
export function readDate(raw: string, column: string): Read<string | null> {
  if (raw === "") return null;
  const dmy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(raw);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const [year, month, day] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (year && month && day) {
    const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    // Date rolls 31-02 over into March; comparing back catches days that do not exist.
    const date = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso) return iso;
  }
  return { error: `${column} "${raw}" is not a date like 31-01-2017` };
}
