import type { z } from "zod";
import type { ListMeta } from "@shared/schemas/list-query";
import { apiRequest } from "./http";

/**
 * Every row of a paged list, for pages that show a short list whole (a provider's own claims and
 * applications, a panel member's own feedback): the server answers 20 rows a page, so without
 * this those pages would silently stop at the twentieth.
 */
export async function fetchEveryPage<Row>(path: string, schema: z.ZodType<{ data: Row[]; meta: ListMeta }>, signal: AbortSignal): Promise<Row[]> {
  const join = path.includes("?") ? "&" : "?";
  const first = await apiRequest(path, schema, { signal });
  const pages = Math.ceil(first.meta.total / first.meta.pageSize);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => apiRequest(`${path}${join}page=${i + 2}`, schema, { signal })));
  return [first, ...rest].flatMap((page) => page.data);
}
