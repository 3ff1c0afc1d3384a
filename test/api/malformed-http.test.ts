import { connect } from "node:net";
import { ApiErrorSchema } from "@shared/errors";
import { startTestServer, type TestServer } from "../setup/test-server";

// What Node's HTTP parser refuses before Express sees it gets the API's error shape too.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ requireClient: false, seed: false });
});
afterAll(() => t.close());

/** Sends raw bytes and reads everything the server answers until it closes. */
function raw(bytes: string): Promise<{ status: number; body: unknown }> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.end(bytes));
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = text.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), body: body ? JSON.parse(body) : undefined });
    });
  });
}

describe("Requests Node's HTTP parser refuses", () => {
  it("should answer an address and headers over 16 KB with 431 and a JSON error with a code", async () => {
    const res = await raw(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(ApiErrorSchema.parse(res.body).code).toBe("payload_too_large");
  });

  it("should answer bytes that are not HTTP with 400 and a JSON error with a code", async () => {
    const res = await raw("NOT HTTP AT ALL\u0000\r\n\r\n");
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(res.body).code).toBe("validation_error");
  });

  it("should go on serving after both", async () => {
    expect((await fetch(`${t.url}/api/v1/health`)).status).toBe(200);
  });
});
