// npm start: build what is out of date, then run the server bundle in this process.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildAll, ROOT } from "./build-steps.mjs";

process.setSourceMapsEnabled(true);
await buildAll();
await import(pathToFileURL(join(ROOT, "dist/server/main.js")).href);
