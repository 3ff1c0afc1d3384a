import { DateFields, type DatePartsProps } from "./date-fields";
import { type DateParts, EMPTY_DATE, isoDateFrom } from "./date-input";

export interface DateTimeParts extends DateParts {
  hour: string;
  minute: string;
}

export const EMPTY_DATE_TIME: DateTimeParts = { ...EMPTY_DATE, hour: "", minute: "" };

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** How far London's clock is ahead of UTC at a moment (0 in winter, an hour in summer). */
function londonOffsetMs(utcMs: number): number {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(new Date(utcMs)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) - utcMs;
}

/**
 * The parts as a moment, read as the time in England (where the service runs and shows every
 * deadline), whatever the browser's time zone; undefined when they are not a real date and time.
 */
export function momentFromLondon(parts: DateTimeParts): string | undefined {
  const iso = isoDateFrom(parts);
  const hour = parts.hour.trim();
  const minute = parts.minute.trim();
  if (!iso || !/^\d{1,2}$/.test(hour) || !/^\d{1,2}$/.test(minute) || Number(hour) > 23 || Number(minute) > 59) return undefined;
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso) return undefined;
  const wall = Date.UTC(y, m - 1, d, Number(hour), Number(minute));
  const first = wall - londonOffsetMs(wall);
  return new Date(wall - londonOffsetMs(first)).toISOString();
}

/** A date and a time of day (24-hour clock) in one GOV.UK date input: a deadline. */
export function DateTimeInput(props: DatePartsProps<DateTimeParts>) {
  const { id } = props;
  const fields = [
    { key: "day", label: "Day", width: 2, fieldId: id },
    { key: "month", label: "Month", width: 2, fieldId: `${id}-month` },
    { key: "year", label: "Year", width: 4, fieldId: `${id}-year` },
    { key: "hour", label: "Hour", width: 2, fieldId: `${id}-hour` },
    { key: "minute", label: "Minute", width: 2, fieldId: `${id}-minute` },
  ] as const;
  return <DateFields {...props} fields={fields} legendSize="m" />;
}
