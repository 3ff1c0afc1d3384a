import { randomBytes, randomUUID } from "node:crypto";

/** A GET through the load balancer: its status and body, its own request id, and the node key cookie it was given. */
export interface BalancedAnswer {
  status: number;
  text: string;
  /** The X-Request-Id sent: the node that served it logs it. */
  id: string;
  key: string | undefined;
  cookie: string | undefined;
}

/** A GET through nginx with its own request id, maybe with a node key (infra/nginx/nginx.conf's `px_node` cookie). */
export async function getThroughBalancer(baseUrl: string, path: string, key?: string): Promise<BalancedAnswer> {
  const id = randomUUID();
  const res = await fetch(`${baseUrl}${path}`, { headers: { "X-Request-Id": id, ...(key ? { Cookie: `px_node=${key}` } : {}) } });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("px_node="));
  return { status: res.status, text: await res.text(), id, key: cookie ? /^px_node=([^;]*)/.exec(cookie)?.[1] : undefined, cookie };
}

/**
 * A node key for each of `nodes` nodes, found as a browser would get one: by asking with a new
 * key and seeing which node served it (`servedBy`, from the nodes' logs).
 */
export async function keyPerNode<N extends string | number>(
  baseUrl: string,
  nodes: number,
  servedBy: (requestId: string) => Promise<N>,
): Promise<Record<N, string>> {
  const keys = {} as Record<N, string>;
  for (let tries = 0; tries < 60 && Object.keys(keys).length < nodes; tries++) {
    const key = randomBytes(16).toString("hex");
    keys[await servedBy((await getThroughBalancer(baseUrl, "/api/v1/health/ready", key)).id)] ??= key;
  }
  if (Object.keys(keys).length < nodes) throw new Error(`node keys found for ${Object.keys(keys).join(", ")} only`);
  return keys;
}
