// Jest runs our TypeScript as native ES modules (swc strips types; no type-check here:
// `npm run typecheck` does that). Every test file gets its own database (test/setup).
// keepImportAttributes: JSON modules are imported `with { type: "json" }`, which Node's ESM requires.
const swc = [
  "@swc/jest",
  {
    jsc: {
      target: "es2022",
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      experimental: { keepImportAttributes: true },
    },
    module: { type: "es6" },
  },
];

export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  transformIgnorePatterns: ["/node_modules/"],
  // tsconfig.json's paths, which jest does not read.
  moduleNameMapper: { "^@shared/(.*)$": "<rootDir>/shared/src/$1" },
  globalSetup: "<rootDir>/test/setup/global-setup.ts",
  globalTeardown: "<rootDir>/test/setup/global-teardown.ts",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 30000,
};
