/** Whole years of age on a date, from a month of birth ("2012-09"): birthdays count from the 1st. */
export function ageOn(birthMonth: string, on: string): number {
  const [by, bm] = birthMonth.split("-").map(Number) as [number, number];
  const [y, m] = on.split("-").map(Number) as [number, number];
  return y - by - (m < bm ? 1 : 0);
}
