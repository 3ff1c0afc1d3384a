// npm run build: rebuild the client and the server bundle (--force rebuilds even if up to date).
import { buildAll } from "./build-steps.mjs";

await buildAll({ force: process.argv.includes("--force") });
