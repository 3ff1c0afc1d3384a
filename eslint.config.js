// ESLint: a few guardrails that tsc does not give, not a style guide (Prettier owns layout).
// Type-aware rules (promises that nobody awaits, promises handed to something that ignores
// them) read the types through tsconfig.json; the plain .js/.mjs scripts are outside it, so
// they get the rules that need no types.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

// One way to reach shared/ from the server, the client and the tests: the @shared/* alias
// (tsconfig.json paths; vite, jest and esbuild resolve it too), never ../../shared/src.
const sharedByAlias = {
  regex: "^(\\.\\./)+shared/src(/|$)",
  message: "Import shared/ code as @shared/... (node scripts/use-shared-alias.mjs rewrites these).",
};

export default defineConfig(
  { ignores: ["**/node_modules/", "**/dist/", "data/", "coverage/", "client/dist/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  // Prettier decides where lines break, and it can put a chained `[method](...)` on a line of its
  // own; with its semicolons that is never the ASI trap this rule looks for (eslint-config-prettier
  // turns it off for the same reason).
  { rules: { "no-unexpected-multiline": "off" } },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits or catches fails silently (or crashes the process on rejection).
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // verbatimModuleSyntax keeps every import that is not marked `type`, so types are marked,
      // inline like the rest of the code; and `import { type A }` alone would leave a bare
      // side-effect import of the module behind at runtime.
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      // `_name` marks a parameter that must be there (an Express error handler's `next`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.{js,mjs,ts,tsx}"],
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      // One block, as the code has it: node:, packages, @shared/, then relative paths.
      "simple-import-sort/imports": ["error", { groups: [["^\\u0000", "^node:", "^@?\\w", "^@shared/", "^\\."]] }],
      "simple-import-sort/exports": "error",
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // React ignores what an event handler returns, and the client's async handlers catch their
      // own failures (useFormSubmit, or a try/catch that shows the error summary), so
      // onSubmit={(event) => form.submit(event)} is fine; promises passed anywhere else still count.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["server/**/*.ts", "client/**/*.{ts,tsx}", "test/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [sharedByAlias] }] },
  },
  {
    // Modules meet through shared/, their policies, commands and queries, and app.ts mounts
    // the routers: one module's routes file is never another module's dependency.
    files: ["server/src/modules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            sharedByAlias,
            {
              regex: "^(\\.\\./)+[^./][^/]*/([^/]+-)?routes$",
              message: "Import another module's policy, queries or commands, not its routes file (app.ts mounts the routers).",
            },
          ],
        },
      ],
    },
  },
);
