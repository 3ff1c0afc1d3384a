/** Need-intensity price bands; each lot has one weekly ceiling per band (integer pence). */
export const PRICE_BANDS = [
  { band: "A", description: "Low intensity: group support within a specialist setting" },
  { band: "B", description: "Moderate intensity: small-group support and some therapy input" },
  { band: "C", description: "High intensity: 1:1 support for much of the day" },
  { band: "D", description: "Very high intensity: 1:1 support throughout the day with therapies" },
  { band: "E", description: "Exceptional: 2:1 support or waking-night staffing" },
] as const;

export type PriceBand = (typeof PRICE_BANDS)[number]["band"];
export const PRICE_BAND_CODES = PRICE_BANDS.map((b) => b.band) as [PriceBand, ...PriceBand[]];
