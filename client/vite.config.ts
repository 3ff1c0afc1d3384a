import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const clientRoot = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const govukAssetsDir = join(dirname(require.resolve("govuk-frontend/package.json")), "dist/govuk/assets");

const CONTENT_TYPES: Record<string, string> = {
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/manifest+json",
};

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/**
 * GOV.UK Frontend's precompiled CSS points at absolute /assets/fonts/... and /assets/images/...
 * URLs, and index.html links the favicon and manifest there too. Vite leaves those URLs alone,
 * so this copies the package's assets to exactly those paths in the build, and serves them in
 * dev, rather than copying the whole package through publicDir. (Vite's build notes that those
 * CSS URLs "didn't resolve at build time": expected, they resolve to these copies at runtime.)
 */
function govukFrontendAssets(): Plugin {
  return {
    name: "placement-exchange:govuk-frontend-assets",
    configureServer(server) {
      server.middlewares.use("/assets", (req, res, next) => {
        const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
        const file = join(govukAssetsDir, path);
        if (!file.startsWith(govukAssetsDir + sep)) return next();
        try {
          const body = readFileSync(file);
          res.setHeader("Content-Type", CONTENT_TYPES[extname(file)] ?? "application/octet-stream");
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const file of listFiles(govukAssetsDir)) {
        const fileName = `assets/${relative(govukAssetsDir, file).split(sep).join("/")}`;
        this.emitFile({ type: "asset", fileName, source: readFileSync(file) });
      }
    },
  };
}

export default defineConfig({
  root: clientRoot,
  // Nothing of ours is static yet; GOV.UK's assets come from the plugin above.
  publicDir: false,
  plugins: [react(), govukFrontendAssets()],
  // tsconfig.json's paths, which Vite does not read.
  resolve: { alias: { "@shared": join(clientRoot, "../shared/src") } },
  build: {
    outDir: join(clientRoot, "dist"),
    emptyOutDir: true,
    // The only CSS is GOV.UK Frontend's, minified already; its old IE "@media screen\\0" hacks
    // make both LightningCSS and esbuild warn or fail, and minifying again gains nothing.
    cssMinify: false,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks the entry imports, read by the first page's size
    // budget (test/client/bundle-budget.test.ts). A dotfile, so the server does not serve it.
    manifest: true,
    rolldownOptions: {
      output: {
        // A few larger chunks rather than dozens of small ones (issue 16). A browser opens at most
        // six HTTP/1.1 connections to the service, so a page needing 30 files waited for about
        // five round trips of them on a phone. Now: the first page is one file (what every page
        // runs first), a role's pages one chunk of their own plus what the pages share, and
        // socket.io and the charts a chunk each, for the pages that use them.
        codeSplitting: {
          groups: [
            // Everything the entry imports statically, whatever else shares it, so no later
            // group pulls any of it into a chunk the first page would then have to download.
            { name: "index", tags: ["$initial"], priority: 4 },
            // A group takes what its modules import too: the chart takes Observable Plot and d3 (only
            // the insights and outcome charts need them), the live connection socket.io-client.
            { name: "charts", test: /[\\/]src[\\/]components[\\/]chart-figure\.tsx$/, priority: 3 },
            // (The header's notifications follow the live connection on every signed-in page.)
            { name: "live", test: /[\\/]src[\\/]realtime[\\/]live-socket\.ts$/, priority: 3 },
            // What two or more lazy chunks share (components, API calls, schemas): one chunk.
            // Each area's own module stays its chunk's entry, so the manifest still names it.
            { name: "pages", test: (id: string) => !/[\\/]src[\\/]areas[\\/]/.test(id), minShareCount: 2, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
