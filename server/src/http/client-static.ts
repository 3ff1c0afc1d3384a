import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";
import { isKnownPagePath } from "@shared/page-paths";

// Vite's output names carry a content hash (main-3xY_a9Qz.js); GOV.UK's copied assets do not.
const FINGERPRINTED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built React client and answers any other GET that wants HTML with its index page,
 * so client-side routes (and the client's own 404 page) work on reload.
 */
export function clientStatic(distDir: string): Router {
  const router = Router();
  const index = join(distDir, "index.html");
  // Fingerprinted files can be cached for a year; the rest for a day. A missing asset is a 404,
  // never the HTML page.
  router.use(
    "/assets",
    express.static(join(distDir, "assets"), {
      fallthrough: false,
      setHeaders: (res, path) => res.setHeader("Cache-Control", FINGERPRINTED.test(path) ? "public, max-age=31536000, immutable" : "public, max-age=86400"),
    }),
  );
  router.use(express.static(distDir, { index: false }));
  router.get("/{*path}", (req, res, next) => {
    if (!req.accepts("html")) return next();
    if (!existsSync(index)) {
      res.status(503).type("text").send("The web client has not been built. Run `npm run build` (npm start does it for you).");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.status(isKnownPagePath(req.path) ? 200 : 404).sendFile(index);
  });
  return router;
}
