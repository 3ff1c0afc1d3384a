import { join } from "node:path";
import { parseEnv } from "../../server/src/env";
import { ROOT_DIR } from "../../server/src/paths";
import { runToExit } from "../setup/spawn-server";

describe("Environment validation", () => {
  it("should give safe development defaults", () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({ port: 3000, dataDir: "./data", databaseUrl: undefined, publicUrl: "http://localhost:3000", seedDemo: true });
  });

  it("should report every bad value with how to fix it", () => {
    const result = parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", REDIS_URL: "localhost", LOG_LEVEL: "loud", SESSION_SECRET: "short" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(5);
    expect(result.problems.join("\n")).toMatch(/PORT \(got "eighty"\): must be a whole number/);
    expect(result.problems.join("\n")).toMatch(/DATABASE_URL .*must be a PostgreSQL URL/);
    expect(result.problems.join("\n")).toMatch(/SESSION_SECRET: must be at least 32 characters; generate one with: openssl rand -hex 32/);
    expect(result.problems.join("\n")).not.toContain("short");
  });

  it("should take LIVE_PORT as a second port for live connections, unset when empty, never PORT itself", () => {
    const livePort = (source: Record<string, string>) => {
      const result = parseEnv(source);
      return result.ok ? result.env.livePort : result.problems.join("\n");
    };
    expect(livePort({})).toBeUndefined();
    expect(livePort({ LIVE_PORT: "" })).toBeUndefined();
    expect(livePort({ LIVE_PORT: "3001" })).toBe(3001);
    expect(livePort({ LIVE_PORT: "3000" })).toBe("LIVE_PORT: must not be PORT (3000); use another port, e.g. 3001, or leave it unset");
    expect(livePort({ PORT: "8080", LIVE_PORT: "8080" })).toMatch(/^LIVE_PORT: must not be PORT \(8080\)/);
    for (const bad of ["0", "65536", "30.5", "live", "3001\u0000"])
      expect(livePort({ LIVE_PORT: bad })).toMatch(/^LIVE_PORT \(got .*\): must be a whole number between 1 and 65535/);
  });

  it("should refuse to run in production without its secrets", () => {
    const result = parseEnv({ NODE_ENV: "production" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of ["SESSION_SECRET", "PUBLIC_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "STRIPE_SECRET_KEY", "OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY"]) {
      expect(result.problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
    }
  });

  it("should exit 1 with the problems printed when started with a bad value", async () => {
    const { code, stderr } = await runToExit(["--import", "tsx", join(ROOT_DIR, "server/src/main.ts")], { PORT: "99999", DATA_DIR: "/nonexistent" });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT (got "99999"): must be a whole number between 1 and 65535');
  });
});
