/**
 * Things in free text that identify a person and have no place in feedback, comments or a
 * child's pseudonymised profile: said back to the writer so they can take them out.
 *
 * Names cannot be told from ordinary words reliably (a setting's or a therapy's name is
 * capitalised too), so only the forms that almost always introduce a person's name are caught:
 * a title ("Mrs Patel"), "called / named / known as Sam", "his mum Jane Smith". The guidance
 * next to every text box asks for no names at all.
 */
const RELATIONS =
  "mum|mom|dad|mother|father|brother|sister|nan|nana|grandmother|grandfather|grandma|grandad|aunt|auntie|uncle|cousin|carer|foster carer|social worker|teacher|son|daughter|child";
const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: "an e-mail address", pattern: /[\w.+-]+@[\w-]+\.[\w.-]+/ },
  { what: "a phone number", pattern: /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/ },
  { what: "a full postcode", pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i },
  { what: "an NHS number", pattern: /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/ },
  {
    what: "a date of birth (or a full date that could be one)",
    pattern: new RegExp(
      `\\b(?:dob|d\\.o\\.b\\.?|date of birth|born on)\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS}) (?:19|20)\\d{2}\\b`,
      "i",
    ),
  },
  {
    what: "a name",
    pattern: new RegExp(
      `\\b(?:Mr|Mrs|Ms|Miss|Mx|Master|Dr)\\.? [A-Z][a-z'-]+|\\b(?:called|named|known as|name is|name's)\\s+[A-Z][a-z'-]+|\\b(?:${RELATIONS}),? [A-Z][a-z'-]+ [A-Z][a-z'-]+`,
    ),
  },
];

/** What personal data the text seems to hold, e.g. ["a phone number"]; empty if none. */
export function personalDataIn(text: string): string[] {
  return PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what);
}
