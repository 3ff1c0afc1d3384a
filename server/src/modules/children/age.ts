/** Whole years of age on a date, from a month of birth ("2012-09"): birthdays count from the 1st. */
export function ageOn(birthMonth: string, on: string): number {
  const [by, bm] = birthMonth.split("-").map(Number) as [number, number];
  const [y, m] = on.split("-").map(Number) as [number, number];
  return y - by - (m < bm ? 1 : 0);
}

/** The age that matters for a placement: on the date it is needed by, or today if that has passed. */
export function ageForPlacement(birthMonth: string | null, neededBy: string | null, today: string): number | null {
  return birthMonth ? ageOn(birthMonth, neededBy && neededBy > today ? neededBy : today) : null;
}
