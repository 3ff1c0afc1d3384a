/**
 * Money, held everywhere as integer pence (GBP, weekly), and written the one way people read it.
 * Used by the server's messages, the matching engine's reasons and the client's pages alike.
 */

/** "£1,234.50" from integer pence; by hand, not toLocaleString: faster, and the same on every runtime. */
export function formatPence(pence: number): string {
  const whole = String(Math.floor(Math.abs(pence) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${pence < 0 ? "-" : ""}£${whole}.${String(Math.abs(pence) % 100).padStart(2, "0")}`;
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
