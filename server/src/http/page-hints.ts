import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * A role's pages are a lazy chunk (client/src/router.tsx) that the browser would only ask for
 * after the entry script has downloaded and run, and then its own imports after that: on a phone
 * each of those waves costs a round trip. A page's first segment names its area, so the page's
 * HTML names the area's chunks up front (`<link rel="modulepreload">`) and they download
 * alongside the entry. A wrong guess costs bytes, never correctness.
 */
const AREA_OF_SEGMENT: Record<string, string> = {
  admin: "src/areas/admin.ts",
  commissioner: "src/areas/commissioner.ts",
  provider: "src/areas/provider.ts",
  "parent-panel": "src/areas/parent.ts",
  insights: "src/areas/insights.ts",
  regions: "src/areas/insights.ts",
  payments: "src/areas/payments.ts",
  notifications: "src/areas/notifications.ts",
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The page's HTML as sent: plain, brotli and gzip (compressed once, not per request). */
export interface PageHtml {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function staticGraph(manifest: Record<string, ManifestChunk>, from: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    manifest[key].imports?.forEach(visit);
  };
  from.forEach(visit);
  return seen;
}

/**
 * A role's page asks who is signed in (`/api/v1/me`) only once its chunks have run; asked for
 * here it comes back while they download, and the client's fetch (same URL, same-origin
 * credentials) takes the preloaded answer.
 */
const SESSION_PRELOAD = '<link rel="preload" href="/api/v1/me" as="fetch" crossorigin>';

/**
 * An area's own stylesheet (the evaluation report's print styles, say): the bundler's loader
 * waits for it before the area's pages may run, one more round trip after the scripts, unless
 * the page already links it, so the page does.
 */
function render(html: string, files: string[], stylesheets: string[]): PageHtml {
  const preloads =
    files.length === 0
      ? []
      : [
          SESSION_PRELOAD,
          ...stylesheets.map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
          ...files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
        ];
  const links = preloads.join("\n    ");
  const identity = Buffer.from(preloads.length === 0 ? html : html.replace("</head>", `  ${links}\n  </head>`));
  return {
    identity,
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

/**
 * A request's pages (the council's board, the provider's page, the award letter, the
 * evaluation) show nothing until the request's own read (`GET /api/v1/placement-requests/:id`)
 * has answered, and the page only asks once the session and its chunks are in: one more round
 * trip at the end. Named in the page's `Link` header the read starts with the page, beside the
 * chunks. The id must be a UUID (anything else is no request, and never reaches the header).
 * The read is the API's as ever: it answers only what this person may see (a 404 otherwise).
 */
const REQUEST_PAGE =
  /^\/(?:commissioner|provider)\/requests\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/award-letter|\/evaluation\/check|\/evaluation-report)?$/i;

/**
 * The session cookie by either of its names (sessionCookieName in modules/auth). Without one the
 * read could only be refused (401, a console error, and the page goes to sign-in anyway), so a
 * browser that has none is not asked to make it.
 */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?px\.sid=/;

/**
 * The `Link` header value that preloads the data a page shows first, or undefined if it has
 * none to name or the browser sends no session.
 */
export function dataPreloadFor(path: string, cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader || !SESSION_COOKIE.test(cookieHeader)) return undefined;
  const id = REQUEST_PAGE.exec(path)?.[1];
  return id ? `</api/v1/placement-requests/${id.toLowerCase()}>; rel=preload; as=fetch; crossorigin` : undefined;
}

/**
 * The index page for a path, with its area's chunks named, kept per area until the build
 * changes (index.html's modification time), or undefined before the client is built.
 */
export function pageHtmlFor(distDir: string): (path: string) => PageHtml | undefined {
  const index = join(distDir, "index.html");
  const manifestFile = join(distDir, ".vite/manifest.json");
  let built = 0;
  let cache = new Map<string, PageHtml>();
  return (path) => {
    if (!existsSync(index)) return undefined;
    const mtime = statSync(index).mtimeMs;
    if (mtime !== built) [built, cache] = [mtime, new Map()];
    const area = AREA_OF_SEGMENT[path.split("/")[1] ?? ""] ?? "";
    const cached = cache.get(area);
    if (cached) return cached;
    const manifest: Record<string, ManifestChunk> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : {};
    const loaded = staticGraph(
      manifest,
      Object.keys(manifest).filter((key) => manifest[key]?.isEntry),
    );
    const chunks = [...staticGraph(manifest, area ? [area] : [])].filter((key) => !loaded.has(key)).map((key) => manifest[key]!);
    const page = render(
      readFileSync(index, "utf8"),
      chunks.map((chunk) => chunk.file),
      chunks.flatMap((chunk) => chunk.css ?? []),
    );
    cache.set(area, page);
    return page;
  };
}
