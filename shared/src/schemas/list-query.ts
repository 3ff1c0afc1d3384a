import { z } from "zod";
import { plainText, UNSAFE_TEXT_MESSAGE } from "./primitives";

/*
 * The query of a list that grows (requests, applications, claims, feedback, children):
 * `?q=&status=&page=`, answered with a page of rows and `meta: { total, page, pageSize }`.
 * The same schema validates the server's query and builds the client's, so a hostile value
 * (page=-1, a huge page, NUL in the search) is a 400 naming the field.
 */

/** Rows per page of every list. */
export const LIST_PAGE_SIZE = 20;
/** The last page anyone may ask for (20 × 10,000 rows is far beyond any list here). */
export const LIST_LAST_PAGE = 10_000;

const PAGE_MESSAGE = `Enter a page number from 1 to ${LIST_LAST_PAGE}`;
const pageNumber = z.coerce
  .number({ error: PAGE_MESSAGE })
  .int({ error: PAGE_MESSAGE })
  .min(1, { error: PAGE_MESSAGE })
  .max(LIST_LAST_PAGE, { error: PAGE_MESSAGE });

/**
 * A search box's text: trimmed, at most 100 characters; empty is no search. A query string
 * carries half an emoji as U+FFFD (a browser cannot encode a lone surrogate), which nobody types:
 * it is refused like the control characters, rather than searched for.
 */
export const listSearch = plainText({ error: "Enter words to search for" })
  .regex(/^[^\uFFFD]*$/u, { error: UNSAFE_TEXT_MESSAGE, abort: true })
  .trim()
  .max(100, { error: "Search for 100 characters or fewer" })
  .transform((v) => (v === "" ? undefined : v));

/** A filter of checkboxes: `status=a&status=b` (or `status=a,b`), each one of `values`. */
export const listFilter = <const T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(z.enum(values, { error })).max(values.length, { error }));

/** `?q=&page=` and a list's own filters; an unknown parameter is a 400. */
export const listQuery = <S extends z.ZodRawShape>(filters: S) => z.object({ q: listSearch.optional(), page: pageNumber.default(1), ...filters }).strict();

export const ListMetaSchema = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ListMeta = z.infer<typeof ListMetaSchema>;

/** The page's rows' offset, and the meta to answer with. */
export const pageWindow = (page: number) => ({ limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE });
export const listMeta = (page: number, total: number): ListMeta => ({ total, page, pageSize: LIST_PAGE_SIZE });
