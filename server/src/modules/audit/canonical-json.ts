/**
 * The one serialisation of a value that is hashed: object keys sorted (by UTF-16 code units, as
 * RFC 8785 does) at every depth, no whitespace, arrays in order, undefined properties dropped,
 * numbers and strings as JSON.stringify writes them. Two processes that agree on the value
 * agree on the bytes, whatever order its keys were built in or jsonb gave them back in.
 *
 * Throws on anything JSON cannot carry faithfully (NaN, Infinity, bigint, functions, Dates and
 * other class instances) rather than hashing a lossy form that would not verify later.
 */
export function canonicalJson(value: unknown): string {
  return write(value, "$");
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot carry`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => (item === undefined ? "null" : write(item, `${path}[${i}]`))).join(",")}]`;
  }
  if (typeof value === "object" && isPlainObject(value)) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`canonicalJson: ${path} is a ${describe(value)}, which JSON cannot carry`);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value !== "object" || value === null) return typeof value;
  return (value as object).constructor?.name ?? "object";
}
