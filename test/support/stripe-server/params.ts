import { randomBytes } from "node:crypto";
import type { FormObject, FormValue } from "./form";

export interface StripeErrorBody {
  type: "invalid_request_error" | "api_error" | "idempotency_error" | "authentication_error";
  message: string;
  code?: string;
  param?: string;
}

/**
 * A refusal answered Stripe's way: `{ error: { type, message, code, param } }` with a status.
 * `stored` says whether an idempotency key keeps it: Stripe keeps the result of a request that
 * began executing, not one whose parameters failed validation.
 */
export class StripeFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
    readonly stored = true,
  ) {
    super(error.message);
  }
}

export const invalid = (param: string, message: string, code = "parameter_invalid") =>
  new StripeFailure(400, { type: "invalid_request_error", message, code, param }, false);

export const refused = (message: string, code: string, param?: string) =>
  new StripeFailure(400, { type: "invalid_request_error", message, code, ...(param ? { param } : {}) });

export const missing = (kind: string, id: string, param = "id") =>
  new StripeFailure(404, { type: "invalid_request_error", message: `No such ${kind}: '${id}'`, code: "resource_missing", param }, false);

function at(p: FormObject, name: string): FormValue | undefined {
  let node: FormValue | undefined = p;
  for (const part of name.split(".")) {
    if (typeof node !== "object" || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

const bracketed = (name: string) => name.replace(/\.(\w+)/g, "[$1]");

export function str(p: FormObject, name: string): string | undefined {
  const v = at(p, name);
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw invalid(bracketed(name), `Invalid string: ${bracketed(name)}`);
  return v;
}

export function reqStr(p: FormObject, name: string): string {
  const v = str(p, name);
  if (v === undefined || v === "") throw invalid(bracketed(name), `Missing required param: ${bracketed(name)}.`, "parameter_missing");
  return v;
}

export function int(p: FormObject, name: string): number | undefined {
  const v = str(p, name);
  if (v === undefined || v === "") return undefined;
  if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw invalid(bracketed(name), `Invalid integer: ${v}`, "parameter_invalid_integer");
  }
  return Number(v);
}

export function reqInt(p: FormObject, name: string): number {
  const v = int(p, name);
  if (v === undefined) throw invalid(bracketed(name), `Missing required param: ${bracketed(name)}.`, "parameter_missing");
  return v;
}

export function bool(p: FormObject, name: string): boolean | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  if (v !== "true" && v !== "false") throw invalid(bracketed(name), `Invalid boolean: ${v}`);
  return v === "true";
}

export function obj(p: FormObject, name: string): FormObject | undefined {
  const v = at(p, name);
  if (v === undefined || v === "") return undefined;
  if (typeof v !== "object" || Array.isArray(v)) throw invalid(bracketed(name), `Invalid object: ${bracketed(name)}`);
  return v;
}

export function list(p: FormObject, name: string): FormValue[] {
  const v = at(p, name);
  if (v === undefined || v === "") return [];
  if (!Array.isArray(v)) throw invalid(bracketed(name), `Invalid array: ${bracketed(name)}`);
  return v;
}

/** Stripe's metadata: string values only (at most 50 keys, values up to 500 characters). */
export function metadata(p: FormObject, name = "metadata"): Record<string, string> {
  const m = obj(p, name) ?? {};
  const out: Record<string, string> = {};
  const entries = Object.entries(m);
  if (entries.length > 50) throw invalid(name, "Metadata can have at most 50 keys.");
  for (const [k, v] of entries) {
    if (k.length > 40) throw invalid(`${name}[${k}]`, "Metadata keys can have up to 40 characters.");
    if (typeof v !== "string") throw invalid(`${name}[${k}]`, "Metadata values must be strings.");
    if (v.length > 500) throw invalid(`${name}[${k}]`, "Metadata values can have up to 500 characters.");
    out[k] = v;
  }
  return out;
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const newId = (prefix: string) => `${prefix}_${[...randomBytes(24)].map((b) => ALPHABET[b % 62]).join("")}`;
export const DAY = 86_400;

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], param: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalid(param, `Invalid ${param}: must be one of ${allowed.join(", ")}`);
  return value as T;
}

/** One page of a list, newest first, as Stripe pages: `limit` (default 10), `starting_after`, `ending_before`. */
export function listPage(all: { id: string }[], query: FormObject, url: string) {
  const limit = int(query, "limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalid("limit", "limit must be between 1 and 100.");
  const after = str(query, "starting_after");
  const before = str(query, "ending_before");
  const cursor = (id: string, param: string) => {
    const i = all.findIndex((o) => o.id === id);
    if (i < 0) throw invalid(param, `No such object: '${id}'`, "resource_missing");
    return i;
  };
  if (before !== undefined) {
    const end = cursor(before, "ending_before");
    const data = all.slice(Math.max(end - limit, 0), end);
    return { object: "list" as const, data, has_more: end - limit > 0, url };
  }
  const start = after === undefined ? 0 : cursor(after, "starting_after") + 1;
  return { object: "list" as const, data: all.slice(start, start + limit), has_more: all.length > start + limit, url };
}
