// Builds what is out of date: the React client (Vite) and the server bundle (esbuild).
// Shared by `npm start`, `npm test` and `npm run build`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(join(ROOT, p)));
  return newest;
}

function isStale(stampFile, sources) {
  const stamp = join(ROOT, stampFile);
  return !existsSync(stamp) || newestMtime(sources) > statSync(stamp).mtimeMs;
}

const CLIENT_SOURCES = ["client/src", "client/index.html", "client/vite.config.ts", "client/public", "shared/src", "package-lock.json"];
const SERVER_SOURCES = ["server/src", "shared/src", "package-lock.json"];

// The text types server/src/http/client-static.ts sends compressed; source maps are left out
// (only developer tools fetch them, and brotli's best level on them would double the build time).
const COMPRESSIBLE = new Set([".js", ".css", ".svg", ".json"]);
const MIN_BYTES = 1024;

/**
 * Writes a brotli (.br, best level) and a gzip (.gz, level 9) copy beside each text file of the
 * client build, once here rather than on every request: the server picks one by Accept-Encoding.
 * A copy that would not be smaller is not written.
 */
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!name.startsWith(".")) precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const source = readFileSync(path);
    if (source.length < MIN_BYTES) continue;
    const copies = {
      ".br": brotliCompressSync(source, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length },
      }),
      ".gz": gzipSync(source, { level: 9 }),
    };
    for (const [suffix, body] of Object.entries(copies)) if (body.length < source.length) writeFileSync(path + suffix, body);
  }
}

export function buildClient({ force = false } = {}) {
  if (!force && !isStale("client/dist/.build-stamp", CLIENT_SOURCES)) return false;
  console.error("Building the web client (vite)...");
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "client/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: ROOT,
      stdio: "inherit",
      // Vite builds React's development bundle when NODE_ENV says test or development (the jest
      // command line, docker-compose): twice the size, and over the first page's budget.
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (result.status !== 0) throw new Error("The client build failed (see above).");
  precompress(join(ROOT, "client/dist"));
  writeFileSync(join(ROOT, "client/dist/.build-stamp"), new Date().toISOString());
  return true;
}

export async function buildServer({ force = false } = {}) {
  if (!force && !isStale("dist/server/.build-stamp", SERVER_SOURCES)) return false;
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: "server/src/main.ts", cli: "server/src/cli.ts" },
    outdir: "dist/server",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // Dependencies stay in node_modules; only our own code (server + shared) is bundled.
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  writeFileSync(join(ROOT, "dist/server/.build-stamp"), new Date().toISOString());
  return true;
}

export async function buildAll(options = {}) {
  buildClient(options);
  await buildServer(options);
}
