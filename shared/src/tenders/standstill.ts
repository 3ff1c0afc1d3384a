// The standstill ends at midnight at the end of a calendar day in London (the server computes it in
// SQL, server/src/modules/placement-requests/commands/intention.ts): the day is what people read.
const LAST_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/** "Friday 11 December 2026": the last day of a standstill that ends at the midnight after it. */
export const standstillLastDay = (endsAt: Date | string) =>
  LAST_DAY.formatToParts(new Date(new Date(endsAt).getTime() - 1))
    .filter((part) => part.type !== "literal")
    .map((part) => part.value)
    .join(" ");

/** "midnight at the end of Friday 11 December 2026 (UK time)". */
export const standstillEndInWords = (endsAt: Date | string) => `midnight at the end of ${standstillLastDay(endsAt)} (UK time)`;
