const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * "2024-04-01" -> "1 April 2024", the GOV.UK date style. Read as UTC so a calendar date never
 * shifts by a day in the reader's time zone.
 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  return LONG_DATE.format(new Date(Date.UTC(year, month - 1, day)));
}

const LONDON_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/** A moment ("2024-04-01T23:30:00Z") as the calendar date in England, where the service runs. */
export function formatTimestampDate(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : LONDON_DATE.format(date);
}

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "Europe/London" });
const LONDON_MINUTE = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Europe/London" });

/** A moment as the time of day in England to the second ("14:03:22"): receipts and live statuses. */
export function formatTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : LONDON_TIME.format(date);
}

/** "1 April 2026 at 14:30": a deadline. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : `${LONDON_DATE.format(date)} at ${LONDON_MINUTE.format(date)}`;
}
