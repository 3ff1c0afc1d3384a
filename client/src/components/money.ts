const POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer pence (how the API holds money) as "£1,234.50". */
export function formatPence(pence: number): string {
  return POUNDS.format(pence / 100);
}

/** Pence as the pounds a person would type back into a form: 123450 -> "1234.50". */
export function penceToPoundsInput(pence: number): string {
  return (pence / 100).toFixed(2);
}

/**
 * What a person typed in pounds ("£1,234.5", "1234") as integer pence, or undefined when it is
 * not an amount of money; the form's schema then reports the problem in its own words.
 */
export function poundsToPence(input: string): number | undefined {
  const cleaned = input.trim().replace(/^£/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
