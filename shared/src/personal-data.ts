/**
 * Things in free text that identify a person and have no place in feedback or comments about
 * a service: said back to the writer so they can take them out. Names cannot be told from
 * ordinary words reliably, so the guidance next to every text box asks for none.
 */
const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: "an e-mail address", pattern: /[\w.+-]+@[\w-]+\.[\w.-]+/ },
  { what: "a phone number", pattern: /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/ },
  { what: "a full postcode", pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i },
  { what: "an NHS number", pattern: /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/ },
];

/** What personal data the text seems to hold, e.g. ["a phone number"]; empty if none. */
export function personalDataIn(text: string): string[] {
  return PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what);
}
