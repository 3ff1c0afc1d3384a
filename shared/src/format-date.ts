/*
 * The one way a date or a moment is written for a person, in the browser and in the server's
 * messages alike: GOV.UK's "1 April 2026", and times in England, where the service runs. Never
 * ISO ("2026-04-01", "2026-04-01T13:30:00.000Z"), which is for machines.
 */

/** A moment as the client receives it (ISO text) or as the server holds it. */
type Moment = string | Date;
const asDate = (moment: Moment) => (moment instanceof Date ? moment : new Date(moment));
const asText = (moment: Moment) => (moment instanceof Date ? moment.toISOString() : moment);

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
export function formatTimestampDate(isoTimestamp: Moment): string {
  const date = asDate(isoTimestamp);
  return Number.isNaN(date.getTime()) ? asText(isoTimestamp) : LONDON_DATE.format(date);
}

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone: "Europe/London" });
const LONDON_MINUTE = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Europe/London" });

/** A moment as the time of day in England to the second ("14:03:22"): receipts and live statuses. */
export function formatTime(isoTimestamp: Moment): string {
  const date = asDate(isoTimestamp);
  return Number.isNaN(date.getTime()) ? asText(isoTimestamp) : LONDON_TIME.format(date);
}

/** "1 April 2026 at 14:30": a deadline. */
export function formatDateTime(isoTimestamp: Moment): string {
  const date = asDate(isoTimestamp);
  return Number.isNaN(date.getTime()) ? asText(isoTimestamp) : `${LONDON_DATE.format(date)} at ${LONDON_MINUTE.format(date)}`;
}
