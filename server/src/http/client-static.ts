import { existsSync } from "node:fs";
import { extname, join, sep } from "node:path";
import express, { type Request, type Response, Router } from "express";
import { isKnownPagePath } from "@shared/page-paths";
import { dataPreloadFor, pageHtmlFor } from "./page-hints";

// Vite's output names carry a content hash (main-3xY_a9Qz.js); GOV.UK's copied assets do not.
const FINGERPRINTED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * What the build compresses (scripts/build-steps.mjs writes a .br and a .gz beside each file of
 * these types). Fonts (woff2 is compressed already) and images are sent as they are.
 */
const COMPRESSED = new Set([".js", ".css", ".svg", ".json"]);
/** Best first: brotli is about a fifth smaller than gzip for the scripts. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/** The best encoding the request accepts: brotli before gzip whatever order the browser lists them in (`q=0` honoured). */
const acceptedEncoding = (req: Request) => ENCODINGS.find((encoding) => req.acceptsEncodings(encoding.name) === encoding.name);

/** The compressed copy of `file` that the request accepts, if the build made one. */
function pickEncoding(req: Request, file: string) {
  const encoding = acceptedEncoding(req);
  return COMPRESSED.has(extname(file)) && encoding && existsSync(file + encoding.suffix) ? encoding : undefined;
}

/**
 * Serves a file's precompressed copy when the request accepts one, through serve-static (so
 * ETag, Last-Modified, 304 and ranges work as for the plain file, with the copy's own ETag);
 * otherwise the plain file. Either way the answer varies with Accept-Encoding, for caches.
 */
function precompressed(root: string, setHeaders: (res: Response, path: string) => void): Router {
  const router = Router();
  const serve = express.static(root, { index: false, fallthrough: true, setHeaders });
  router.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = join(root, path);
    if (!COMPRESSED.has(extname(path)) || !file.startsWith(root + sep)) return next();
    res.vary("Accept-Encoding");
    const encoding = pickEncoding(req, file);
    if (encoding === undefined) return next();
    res.setHeader("Content-Encoding", encoding.name);
    // The plain file's type (serve-static would name the copy application/x-brotli).
    res.type(extname(path));
    const original = req.url;
    req.url = `${req.path}${encoding.suffix}`;
    serve(req, res, (error?: unknown) => {
      // No such copy after all (removed by a rebuild since the check): the plain file, as sent.
      req.url = original;
      res.removeHeader("Content-Encoding");
      res.removeHeader("Content-Type");
      next(error);
    });
  });
  return router;
}

/**
 * Serves the built React client and answers any other GET that wants HTML with its index page,
 * so client-side routes (and the client's own 404 page) work on reload. Text files go out
 * precompressed (brotli or gzip, made at build time) to browsers that accept it.
 */
export function clientStatic(distDir: string): Router {
  const router = Router();
  const assetsDir = join(distDir, "assets");
  // Fingerprinted files can be cached for a year; the rest for a day. A missing asset is a 404,
  // never the HTML page.
  const assetHeaders = (res: Response, path: string) =>
    res.setHeader("Cache-Control", FINGERPRINTED.test(path.replace(/\.(br|gz)$/, "")) ? IMMUTABLE : "public, max-age=86400");
  router.use("/assets", precompressed(assetsDir, assetHeaders));
  router.use("/assets", express.static(assetsDir, { fallthrough: false, setHeaders: assetHeaders }));
  router.use(express.static(distDir, { index: false, setHeaders: (res) => res.setHeader("Cache-Control", "no-cache") }));
  const pageHtml = pageHtmlFor(distDir);
  router.get("/{*path}", (req, res, next) => {
    if (!req.accepts("html")) return next();
    const page = pageHtml(req.path);
    if (!page) {
      res.status(503).type("text").send("The web client has not been built. Run `npm run build` (npm start does it for you).");
      return;
    }
    // Always revalidated (its ETag makes that a 304): it names the current hashed scripts.
    res.setHeader("Cache-Control", "no-cache");
    res.vary("Accept-Encoding");
    const preload = dataPreloadFor(req.path, req.headers.cookie);
    if (preload) res.setHeader("Link", preload);
    const encoding = acceptedEncoding(req)?.name;
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res
      .status(isKnownPagePath(req.path) ? 200 : 404)
      .type("html")
      .send(encoding ? page[encoding] : page.identity);
  });
  return router;
}
