// Jest runs our TypeScript as native ES modules (swc strips types; no type-check here:
// `npm run typecheck` does that). Every test file gets its own database (test/setup).
const swc = ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } }, module: { type: "es6" } }];

export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  transformIgnorePatterns: ["/node_modules/"],
  globalSetup: "<rootDir>/test/setup/global-setup.ts",
  globalTeardown: "<rootDir>/test/setup/global-teardown.ts",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 30000,
};
