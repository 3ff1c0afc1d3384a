import fc from "fast-check";
import { INT32, SAFE_TEXT_PATTERN } from "@shared/schemas/primitives";
import { type JsonSchema, patternsOf } from "./openapi-schemas";

/**
 * fast-check arbitraries for API inputs: values that fit an operation's JSON schema (as the
 * OpenAPI document gives it), and values no schema should let through to the database.
 */

/** Percent-encodes a URL component; a lone surrogate (which has no UTF-8) becomes the bytes of its three-byte form, not UTF-8 either. */
export function percentEncode(value: string): string {
  return [...value]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(c);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    })
    .join("");
}

/** Text a person never types and PostgreSQL may not store, and text that attacks parsers and spreadsheets. */
export const HOSTILE_STRINGS = [
  "\u0000",
  "before\u0000after",
  "\u0007\u001b[2J\u0008",
  "\u007f\u0085\u009f",
  "\ud800",
  "half an emoji \ud83d",
  "\udfff lone low",
  "\u202eright-to-left\u202c",
  "\ufeffbyte order mark",
  "😀👨‍👩‍👧",
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  "%00%zz",
  "../../../etc/passwd",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://example.com")',
  "",
  " ",
  "\t\n\r",
  "null",
  "__proto__",
  "constructor",
  "1e400",
  "2147483648",
  "-0",
  "0000-01-01",
  "9999-12-31",
  "2026-02-30",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "2026-01-01T24:00:00Z",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
];

export const HOSTILE_NUMBERS = [INT32.max + 1, INT32.min - 1, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 0.5, -1, 0, -0, 1e-7, 2 ** 53];

/** Path parameters that are not the record asked for: edge-case ids, traversal, bad escapes. */
export const HOSTILE_IDS = [
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "1",
  "-1",
  "null",
  "%00",
  "%zz",
  "%ED%A0%80",
  "..",
  "%2e%2e",
  "%2F",
  "a%20b",
  "x".repeat(4000),
  "'%20OR%201=1",
];

const wrongTypes = fc.constantFrom<unknown>(null, true, false, 0, -1, "", [], {}, [null], { a: null }, [[[]]]);

/** Any value that no field should store as given. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 3, arbitrary: wrongTypes },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(10_000, 200_000, 900_000).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Strings for a schema with patterns: the most specific one fast-check can generate from, else any text. */
function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const patterns = patternsOf(schema).filter((p) => p !== SAFE_TEXT_PATTERN.source);
  for (const pattern of patterns) {
    try {
      return fc.stringMatching(new RegExp(pattern, "u")).filter((s) => s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A lookahead or another construct fast-check cannot generate from: try the next.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 60));
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: "grapheme", minLength, maxLength }));
}

const isoDate = fc.date({ min: new Date("1890-01-01T00:00:00Z"), max: new Date("2230-12-31T00:00:00Z"), noInvalidDate: true });

/**
 * Values for a JSON schema. `hostility` (0-100) is the weight of a hostile value at each node
 * against the schema's own; 0 gives values that fit the schema as far as JSON Schema can say.
 */
export function valueFor(schema: JsonSchema, hostility: number): fc.Arbitrary<unknown> {
  const own = fittingValueFor(schema, hostility);
  return hostility > 0 ? fc.oneof({ weight: 100 - hostility, arbitrary: own }, { weight: hostility, arbitrary: hostileValue }) : own;
}

function fittingValueFor(schema: JsonSchema, hostility: number): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => (option.type === "null" ? fc.constant(null) : valueFor(option, hostility))));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "object": {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, valueFor(property, hostility)]));
      const fixed = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      const extra = schema.additionalProperties;
      if (!extra || extra === true) return fixed;
      const keys = schema.propertyNames ? valueFor(schema.propertyNames, hostility).map(String) : fc.string();
      return fc.tuple(fixed, fc.dictionary(keys, valueFor(extra, hostility), { maxKeys: 3 })).map(([a, b]) => ({ ...b, ...a }));
    }
    case "array":
      return fc.array(valueFor(schema.items ?? {}, hostility), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case "integer":
      return fc.integer({ min: Math.max(schema.minimum ?? INT32.min, INT32.min), max: Math.min(schema.maximum ?? INT32.max, INT32.max) });
    case "number":
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "string":
      if (schema.format === "uuid") return fc.uuid();
      if (schema.format === "date") return isoDate.map((d) => d.toISOString().slice(0, 10));
      if (schema.format === "date-time")
        return fc.tuple(isoDate, fc.constantFrom("Z", "+01:00", "-05:30")).map(([d, zone]) => d.toISOString().replace("Z", zone === "Z" ? "Z" : zone));
      if (schema.format === "email") return fc.emailAddress();
      return stringFor(schema);
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}
