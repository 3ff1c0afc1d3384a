import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The server runs from source (tsx, jest) and from a bundle in dist/; both find files by the repo root.
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "placement-exchange") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the placement-exchange package.json above ${start}`);
    dir = parent;
  }
}

export const ROOT_DIR = findRoot(dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = join(ROOT_DIR, "server", "src", "db", "migrations");
export const REFERENCE_DATA_DIR = join(ROOT_DIR, "server", "data", "reference");
export const CLIENT_DIST_DIR = join(ROOT_DIR, "client", "dist");
export const VERSION: string = JSON.parse(readFileSync(join(ROOT_DIR, "package.json"), "utf8")).version;
