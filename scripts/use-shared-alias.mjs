// Rewrites relative imports of shared/ ("../../../shared/src/schemas/children") to the path
// alias ("@shared/schemas/children") in every .ts/.tsx file outside shared/src itself, whose
// files keep importing each other relatively. Run once: node scripts/use-shared-alias.mjs
// (--check lists what it would change and exits 1 if anything would, writing nothing).
// Only module specifiers change (from "...", import("..."), jest.unstable_mockModule("...")),
// and only those that really point into <root>/shared/src; paths to read files are left alone.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = join(ROOT, "shared/src");
const DIRS = ["server", "client", "test", "scripts"];
const SKIP = new Set(["node_modules", "dist", "data", "coverage"]);
const check = process.argv.includes("--check");

// The quote, then one or more "../", then shared/src/..., then the same quote.
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bunstable_mockModule\s*\(\s*)(["'])((?:\.\.\/)+shared\/src(?:\/[^"'\n]*)?)\2/g;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) yield path;
  }
}

let changedFiles = 0;
let changedImports = 0;
for (const dir of DIRS) {
  for (const file of sourceFiles(join(ROOT, dir))) {
    const text = readFileSync(file, "utf8");
    let count = 0;
    const next = text.replace(SPECIFIER, (whole, before, quote, specifier) => {
      const target = resolve(dirname(file), specifier);
      if (target !== SHARED && !target.startsWith(SHARED + sep)) return whole;
      const rest = relative(SHARED, target).split(sep).join("/");
      if (!rest) return whole; // shared/src itself has no index to import
      count++;
      return `${before}${quote}@shared/${rest}${quote}`;
    });
    if (count === 0) continue;
    changedFiles++;
    changedImports += count;
    if (check) console.log(`${relative(ROOT, file)}: ${count}`);
    else writeFileSync(file, next);
  }
}
console.log(`${check ? "would rewrite" : "rewrote"} ${changedImports} imports in ${changedFiles} files`);
if (check && changedFiles > 0) process.exit(1);
