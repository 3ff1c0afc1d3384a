// npm test: build the client (browser tests need it), type-check everything, lint (ESLint) and
// check the formatting (Prettier) of everything, look for unused code (knip), then run jest.
// With DATABASE_URL each test file gets its own database on that server; without it, PGlite.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildClient, ROOT } from "./build-steps.mjs";

function run(label, args, env = process.env) {
  console.error(`\n> ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildClient();
run("type-check (tsc)", [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"]);
// The cache (under node_modules, so a clean clone starts without one) re-lints only changed files.
run("lint (eslint)", [
  join(ROOT, "node_modules/eslint/bin/eslint.js"),
  "--max-warnings",
  "0",
  "--cache",
  "--cache-location",
  "node_modules/.cache/eslint/",
  ".",
]);
run("formatting (prettier; npm run format fixes it)", [join(ROOT, "node_modules/prettier/bin/prettier.cjs"), "--check", "--log-level", "warn", "."]);
run("unused files, exports and dependencies (knip)", [join(ROOT, "node_modules/knip/bin/knip.js")]);
console.error(`\n> jest against ${process.env.DATABASE_URL ? "the PostgreSQL server at DATABASE_URL" : "embedded PostgreSQL (PGlite)"}`);
// Jest runs the files in its own process on a 2-core machine (one worker or fewer means in band),
// and its ES module registries grow with every file: the whole suite outgrew Node's default heap
// (about 4 GB here) at its last file on 2026-12-03. 8 GB leaves room; the machines have 24 GiB.
run(
  "jest",
  [
    "--max-old-space-size=8192",
    "--experimental-vm-modules",
    "--no-warnings=ExperimentalWarning",
    join(ROOT, "node_modules/jest/bin/jest.js"),
    ...process.argv.slice(2),
  ],
  {
    ...process.env,
    NODE_ENV: "test",
  },
);
