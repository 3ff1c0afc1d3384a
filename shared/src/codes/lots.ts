/**
 * The seven lots of the real North West SEND Flexible Purchasing System (DOMAIN.md).
 * `residential` says what a setting on the lot provides, used later by matching.
 */
export const LOTS = [
  { number: 1, name: "0-16 day", residential: "day" },
  { number: 2, name: "Education and 38-week residential", residential: "38_week" },
  { number: 3, name: "Education and 52-week residential", residential: "52_week" },
  { number: 4, name: "16+ day", residential: "day" },
  { number: 5, name: "16+ residential", residential: "52_week" },
  { number: 6, name: "Alternative provision, registered", residential: "day" },
  { number: 7, name: "Alternative provision, unregistered", residential: "day" },
] as const;

export type LotNumber = (typeof LOTS)[number]["number"];
export const LOT_NUMBERS = LOTS.map((lot) => lot.number) as LotNumber[];
