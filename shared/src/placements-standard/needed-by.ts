import type { NeededByUrgency } from "./referral-types";

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const addDays = (isoDate: string, days: number) => new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);

/**
 * Days after today that stand for the standard's "needed by" urgency. "in more than 5 days" has
 * no end, so 28 days is a placeholder for matching to work with until the commissioner sets the
 * real date (or the referral's placementExchange.neededBy gives it).
 */
export const NEEDED_BY_DAYS: Record<NeededByUrgency, number> = {
  Today: 0,
  "in less than 5 days": 4,
  "in more than 5 days": 28,
};

/** The standard's urgency as a date, from the database's today. */
export const neededByDate = (urgency: NeededByUrgency, today: string): string => addDays(today, NEEDED_BY_DAYS[urgency]);

/** A date as the standard's urgency, from the database's today: past or today is "Today". */
export function neededByUrgency(date: string, today: string): NeededByUrgency {
  const days = dayNumber(date) - dayNumber(today);
  if (days <= 0) return "Today";
  return days < 5 ? "in less than 5 days" : "in more than 5 days";
}
