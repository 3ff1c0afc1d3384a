/**
 * A number field's text for a zod schema: empty is undefined (so "Enter the ..." is the
 * message), anything else Number(), which the schema rejects if it is not a whole number.
 */
export function numberFromInput(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}
