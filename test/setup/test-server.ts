import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CLIENT_DIST_DIR } from "../../server/src/paths";
import { createTestApp } from "./test-app";

/** The app listening on a free port, serving the built client, for browser tests. */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(CLIENT_DIST_DIR, "index.html"))) {
    throw new Error("client/dist is missing: run `npm run build` first (npm test does it for you)");
  }
  const testApp = await createTestApp({ seed: true });
  const server = createServer(testApp.app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testApp.close();
    },
  };
}
