import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";

/**
 * Serves the built React client and answers any other GET that wants HTML with its index page,
 * so client-side routes (and the client's own 404 page) work on reload.
 */
export function clientStatic(distDir: string): Router {
  const router = Router();
  const index = join(distDir, "index.html");
  // Vite fingerprints files under /assets, so they can be cached for a year.
  router.use("/assets", express.static(join(distDir, "assets"), { immutable: true, maxAge: "365d", fallthrough: true }));
  router.use(express.static(distDir, { index: false }));
  router.get("/{*path}", (req, res, next) => {
    if (!req.accepts("html")) return next();
    if (!existsSync(index)) {
      res.status(503).type("text").send("The web client has not been built. Run `npm run build` (npm start does it for you).");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
