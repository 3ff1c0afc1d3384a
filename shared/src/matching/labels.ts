import { PDS_RISKS } from "../codes/directory";
import { LOTS } from "../codes/lots";
import { NEEDS } from "../codes/needs";

// Reasons are read by commissioners: codes become the words the codes stand for.
const needNames = new Map<string, string>(NEEDS.map((n) => [n.code, n.name.toLowerCase()]));
const riskLabels = new Map<string, string>(PDS_RISKS.map((r) => [r.code, r.label.toLowerCase()]));

/** "autistic spectrum disorder (ASD)". */
export const needLabel = (code: string) => `${needNames.get(code) ?? code} (${code})`;
export const riskLabel = (code: string) => riskLabels.get(code) ?? code;
/** "lot 1 (0-16 day)". */
export function lotLabel(n: number): string {
  const lot = LOTS.find((l) => l.number === n);
  return lot ? `lot ${n} (${lot.name})` : `lot ${n}`;
}
/** One decimal place, "12.3 km". */
export const km = (value: number) => `${(Math.round(value * 10) / 10).toFixed(1)} km`;
/** "A, B and C". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
