import { type ListMeta, listMeta, pageWindow } from "@shared/schemas/list-query";

/**
 * One page of a list that grows, and how many rows match in all: `rows` reads the page's window,
 * `count` the same filter without it (both from the caller's one `where`).
 */
export async function pageOf<T>(
  page: number,
  rows: (window: { limit: number; offset: number }) => Promise<T[]>,
  count: () => Promise<{ n: number }[]>,
): Promise<{ rows: T[]; meta: ListMeta }> {
  const [found, [counted]] = await Promise.all([rows(pageWindow(page)), count()]);
  return { rows: found, meta: listMeta(page, Number(counted?.n ?? 0)) };
}

/** `q` as an ILIKE pattern matching it anywhere, its own % and _ taken literally. */
export const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
