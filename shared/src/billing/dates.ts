/**
 * Calendar dates as "YYYY-MM-DD" and whole days: billing counts days, never hours, so there is
 * no time zone or clock change in it. Day numbers count from 1970-01-01.
 */
const DAY_MS = 86_400_000;

export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days);
/** Days from `from` to `to` counting both ends; 0 when `to` is before `from`. */
export const daysInclusive = (from: string, to: string): number => Math.max(0, dayNumber(to) - dayNumber(from) + 1);
export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);
