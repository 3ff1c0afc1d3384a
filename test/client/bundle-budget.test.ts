import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/*
 * The first page's JavaScript budget. Whatever page a person opens first (the home page, sign-in,
 * a link into a role's page), the browser downloads the entry chunk and every chunk it imports
 * statically before anything shows; a role's pages, their schemas and socket.io-client come in
 * later chunks (lazy routes, client/src/router.tsx). What counts: those JavaScript files, each
 * gzipped at zlib's default level, in kB of 1,000 bytes as Vite reports them. What does not:
 * GOV.UK Frontend's CSS (about 16 kB gzipped, the same whatever the code does), fonts and
 * images, and the chunk of the page itself when it is a lazy one.
 *
 * `npm test` builds the client first; Vite writes the manifest read here (build.manifest in
 * client/vite.config.ts).
 */
const BUDGET_BYTES = 150_000;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = join(ROOT, "client/dist");
const MANIFEST = join(DIST, ".vite/manifest.json");

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function readManifest(): Record<string, ManifestChunk> {
  if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: build the client first (npm run build)`);
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, ManifestChunk>;
}

/** The entry and every chunk it imports statically, transitively: what loads before the first page shows. */
function firstLoadChunks(manifest: Record<string, ManifestChunk>): ManifestChunk[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  expect(entries).toEqual(["index.html"]);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  entries.forEach(visit);
  return [...seen].map((key) => manifest[key] as ManifestChunk);
}

/** The source files a chunk was built from, relative to the repository, from its source map (the build writes one per chunk). */
function sourcesOf(chunk: ManifestChunk): string[] {
  const mapFile = join(DIST, `${chunk.file}.map`);
  // The bundler's own runtime helpers (rolldown-runtime-*.js, emitted once chunks share CommonJS
  // interop) come from no source file, so they have no map and nothing to report.
  if (!existsSync(mapFile) && /^assets\/rolldown-runtime-/.test(chunk.file)) return [];
  const map = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[] };
  return map.sources.map((source) => resolve(dirname(mapFile), source).slice(ROOT.length + 1));
}

describe("the client's first page", () => {
  const manifest = readManifest();
  const chunks = firstLoadChunks(manifest);

  it(`should need at most ${BUDGET_BYTES / 1000} kB of gzipped JavaScript`, () => {
    const sizes = chunks.map((chunk) => ({ file: chunk.file, gzipped: gzipSync(readFileSync(join(DIST, chunk.file))).length }));
    const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
    // The files and their sizes are in the message, so a failure says where the weight went.
    expect({ withinBudget: total <= BUDGET_BYTES, total, sizes }).toEqual({ withinBudget: true, total, sizes });
  });

  it("should load the role pages and socket.io-client on demand, not with the first page", () => {
    const eager = chunks.flatMap((chunk) => sourcesOf(chunk).map((source) => ({ chunk: chunk.file, source })));
    expect(eager.filter(({ source }) => /^node_modules\/(socket\.io-client|engine\.io-client)\//.test(source))).toEqual([]);
    expect(eager.filter(({ source }) => /^client\/src\/pages\/(account|admin|commissioner|parent|people|provider|requests|review)\//.test(source))).toEqual([]);
    // ...and they are still in the build, as chunks of their own.
    const all = Object.values(manifest)
      .filter((chunk) => chunk.file.endsWith(".js"))
      .flatMap((chunk) => sourcesOf(chunk));
    expect(all.some((source) => /^node_modules\/socket\.io-client\//.test(source))).toBe(true);
  });
});
