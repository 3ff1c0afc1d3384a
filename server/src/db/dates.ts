/** A `date` column as YYYY-MM-DD, whichever form the driver returned it in (string or Date). */
export function isoDate(d: string | Date): string;
export function isoDate(d: string | Date | null): string | null;
export function isoDate(d: string | Date | null): string | null {
  return d === null ? null : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}
