import { DateFields, type DatePartsProps } from "./date-fields";

export interface MonthYear {
  month: string;
  year: string;
}

export const EMPTY_MONTH_YEAR: MonthYear = { month: "", year: "" };

/** "2012-09" -> its parts, for a form that edits a stored month. */
export function monthYearFrom(yearMonth: string | null | undefined): MonthYear {
  const [year = "", month = ""] = (yearMonth ?? "").split("-");
  return month ? { month: String(Number(month)), year } : EMPTY_MONTH_YEAR;
}

/** The parts as "YYYY-MM"; undefined when both are empty; the raw text otherwise, for the schema to reject. */
export function yearMonthFrom(parts: MonthYear): string | undefined {
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!month && !year) return undefined;
  return /^\d{1,2}$/.test(month) ? `${year}-${month.padStart(2, "0")}` : `${year}-${month}`;
}

/** GOV.UK date input with only a month and a year, for when the day is not needed (and not to be kept). */
export function MonthYearInput(props: DatePartsProps<MonthYear>) {
  const { id } = props;
  const fields = [
    { key: "month", label: "Month", width: 2, fieldId: id },
    { key: "year", label: "Year", width: 4, fieldId: `${id}-year` },
  ] as const;
  return <DateFields {...props} fields={fields} />;
}
