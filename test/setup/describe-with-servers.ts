import { spawnSync } from "node:child_process";
import { nginxPath } from "./nginx";

const onPath = (command: string) => spawnSync(command, ["version", "--client"], { stdio: "ignore" }).error === undefined;

/**
 * `describe` for tests that need real servers beside the app: a PostgreSQL server that several
 * processes or nodes share (PGlite lives inside one process), Redis that carries socket.io events
 * between nodes, nginx for the load balancer's own configuration, and kubectl to render the
 * Kubernetes manifests. Without them the test is reported as skipped, with the reason printed.
 * CI's server run sets DATABASE_URL and REDIS_URL and installs nginx and kubectl, so there they
 * run; its PGlite run skips them
 * (docs/testing.md: "Tests that may report as not run").
 */
export function describeWithServers(name: string, needs: { database?: boolean; redis?: boolean; nginx?: boolean; kubectl?: boolean }, fn: () => void): void {
  const missing = [
    needs.database && !process.env.DATABASE_URL ? "a PostgreSQL server (DATABASE_URL)" : undefined,
    needs.redis && !process.env.REDIS_URL ? "Redis (REDIS_URL)" : undefined,
    needs.nginx && !nginxPath() ? "nginx (apt-get install nginx)" : undefined,
    needs.kubectl && !onPath("kubectl") ? "kubectl with Kustomize v5 (the Kubernetes or Google Cloud apt repository's kubectl package)" : undefined,
  ].filter(Boolean);
  if (missing.length === 0) return describe(name, fn);
  // CI's server run (DATABASE_URL set) provides them all; there a missing one is a broken run, not a skip.
  if (process.env.CI === "true" && process.env.DATABASE_URL) {
    return describe(name, () =>
      it("should have the servers it needs", () => {
        throw new Error(`${name} needs ${missing.join(" and ")}; CI's server run must provide them.`);
      }),
    );
  }
  const reason = `needs ${missing.join(" and ")}`;
  console.warn(`Skipping "${name}": it ${reason}.`);
  // The reason in the name too: jest shows a skipped suite's name, not always its console output.
  describe.skip(`${name} (not run: ${reason})`, fn);
}
