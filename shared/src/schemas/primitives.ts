// Installs the GOV.UK wording of every message a schema does not word itself.
import "../errors-wording";
import { z } from "zod";

/*
 * The building blocks of every input schema (bodies, queries, params), so that what PostgreSQL
 * cannot store is a 400 naming the field, never a 500: text cannot hold NUL, a date cannot be in
 * year 0, an integer column holds int4. Response schemas describe what we send and do not use them.
 */

/** Runs a check only when the field has no problem yet, so one bad value gets one message. */
const noIssueYet = (payload: z.core.ParsePayload) => payload.issues.length === 0;

/**
 * Text without C0 or C1 control characters (tab, line feed and carriage return are fine) and
 * without UTF-16 surrogates that are not part of a pair (with the u flag a pair is one code
 * point, outside this class). PostgreSQL text cannot hold NUL; the others are never typed, and a
 * lone surrogate (half an emoji, cut off by a client) would be stored as U+FFFD.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this pattern refuses.
export const SAFE_TEXT_PATTERN = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]*$/u;
export const UNSAFE_TEXT_MESSAGE = "Remove invisible control characters and broken emoji from this text, or type it in again";
export const isSafeText = (value: string) => SAFE_TEXT_PATTERN.test(value);

/**
 * Any text input: a string that refuses what PostgreSQL text cannot hold or a person cannot type.
 * It stops the field's other checks (its pattern, its length), so the person reads one message.
 */
export const plainText = (params?: Parameters<typeof z.string>[0]) => z.string(params).regex(SAFE_TEXT_PATTERN, { error: UNSAFE_TEXT_MESSAGE, abort: true });

/**
 * Years a date input may have. PostgreSQL has no year 0 and JavaScript's Date none beyond
 * 275760; nothing in a placement (an inspection, a start, a deadline) falls outside these.
 */
export const DATE_YEARS = { first: 1900, last: 2200 } as const;
export const DATE_YEAR_MESSAGE = `Enter a date with a year from ${DATE_YEARS.first} to ${DATE_YEARS.last}`;
export const isYearInRange = (isoDateOrDateTime: string) => {
  const year = Number(isoDateOrDateTime.slice(0, 4));
  return /^\d{4}-/.test(isoDateOrDateTime) && year >= DATE_YEARS.first && year <= DATE_YEARS.last;
};

/** A calendar date, YYYY-MM-DD (2026-02-30 is refused), in DATE_YEARS. */
export const calendarDate = (params?: Parameters<typeof z.iso.date>[0]) =>
  z.iso.date(params).refine(isYearInRange, { error: DATE_YEAR_MESSAGE, when: noIssueYet });

/** A date and time in ISO 8601 (offset allowed only if params say so), its year in DATE_YEARS. */
export const dateTime = (params?: Parameters<typeof z.iso.datetime>[0]) =>
  z.iso.datetime(params).refine(isYearInRange, { error: DATE_YEAR_MESSAGE, when: noIssueYet });

/** PostgreSQL's integer (int4). */
export const INT32 = { min: -2_147_483_648, max: 2_147_483_647 } as const;

/**
 * Bounds an integer input to int4, after the field's own checks: a value the field's own limits
 * already refuse keeps the field's message; one beyond int4 that the field does not bound gets
 * "<what> must be 2147483647 or less" (or "-2147483648 or more").
 */
export function int32<T extends z.ZodNumber | z.ZodCoercedNumber>(schema: T, what = "The number"): T {
  // Built from zod's own checks (z.gte/z.lte do not take `when`), so the OpenAPI document shows the bounds.
  const atLeast = new z.core.$ZodCheckGreaterThan({
    check: "greater_than",
    value: INT32.min,
    inclusive: true,
    when: noIssueYet,
    error: () => `${what} must be ${INT32.min} or more`,
  });
  const atMost = new z.core.$ZodCheckLessThan({
    check: "less_than",
    value: INT32.max,
    inclusive: true,
    when: noIssueYet,
    error: () => `${what} must be ${INT32.max} or less`,
  });
  return schema.check(atLeast, atMost) as T;
}
