import { DateFields, type DatePartsProps } from "./date-fields";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: "", month: "", year: "" };

/** "2024-04-01" -> its parts, for a form that edits a stored date. */
export function datePartsFrom(isoDate: string | null | undefined): DateParts {
  if (!isoDate) return EMPTY_DATE;
  const [year = "", month = "", day = ""] = isoDate.slice(0, 10).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The parts as "YYYY-MM-DD"; null when all are empty; the raw text otherwise, for the schema to reject. */
export function isoDateFrom(parts: DateParts): string | null {
  const { day, month, year } = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  if (!day && !month && !year) return null;
  const iso = `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : `${year}-${month}-${day}`;
}

/**
 * A date as a moment: the start of the day it opens, the end of the day it closes, in the
 * browser's time zone (England for the hub's staff). Not a date: the raw text, for the schema to reject.
 */
export function momentFrom(parts: DateParts, endOfDay: boolean): string | undefined {
  const iso = isoDateFrom(parts);
  if (iso === null) return undefined;
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  const date = endOfDay ? new Date(y, m - 1, d, 23, 59, 59) : new Date(y, m - 1, d, 0, 0, 0);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString();
}

/** GOV.UK date input: day, month and year in one fieldset. `id` is the day field's, which the error summary links to. */
export function DateInput(props: DatePartsProps<DateParts>) {
  const { id } = props;
  const fields = [
    { key: "day", label: "Day", width: 2, fieldId: id },
    { key: "month", label: "Month", width: 2, fieldId: `${id}-month` },
    { key: "year", label: "Year", width: 4, fieldId: `${id}-year` },
  ] as const;
  return <DateFields {...props} fields={fields} />;
}
