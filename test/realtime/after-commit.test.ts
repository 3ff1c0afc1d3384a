import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import request from "supertest";
import { requestLogging } from "../../server/src/http/request-logging";
import { afterCommit, publishLogged } from "../../server/src/realtime/after-commit";

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const logger = pino({ level: "info" }, sink);

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe("afterCommit", () => {
  it("should publish in order at once, without waiting for the answer, and log a failing publish without changing it", async () => {
    const seen: string[] = [];
    const app = express();
    app.use(requestLogging(logger));
    app.post("/write", async (_req, res) => {
      afterCommit(res, "first", () => void seen.push("first"));
      afterCommit(res, "broken", async () => {
        throw new Error("socket adapter down");
      });
      afterCommit(res, "third", async () => void seen.push("third"));
      // The answer waits for the events: had they waited for the answer, this would never end.
      await until(() => seen.length === 2);
      res.status(201).json({ ok: true });
    });

    const response = await request(app).post("/write").set("X-Request-Id", "after-commit-0001");
    expect(response.status).toBe(201);
    expect(seen).toEqual(["first", "third"]);
    const failure = lines.find((l) => l.publish === "broken");
    expect(failure).toMatchObject({ msg: "live publish failed after commit", requestId: "after-commit-0001", level: 50 });
  });

  it("should still publish when the route failed after its write committed", async () => {
    const seen: string[] = [];
    const app = express();
    app.use(requestLogging(logger));
    app.post("/committed", (_req, res, next) => {
      afterCommit(res, "event", () => void seen.push("event"));
      next(new Error("presenting failed"));
    });
    app.use(((_error, _req, res, _next) => res.status(500).json({ code: "internal_error" })) as express.ErrorRequestHandler);
    expect((await request(app).post("/committed")).status).toBe(500);
    await until(() => seen.length === 1);
  });

  it("should log, never throw, a failure outside a request (the scheduler's publishing)", async () => {
    const ok = await publishLogged(
      logger,
      "scheduler:closed",
      () => {
        throw new Error("emit failed");
      },
      { requestId: "none" },
    );
    expect(ok).toBe(false);
    expect(lines.find((l) => l.publish === "scheduler:closed")).toMatchObject({ msg: "live publish failed after commit" });
  });

  it("should try a publish again while the database does not answer, and deliver it once it does", async () => {
    // As node-postgres says it when the pool cannot get a connection in time (an overloaded or restarting database).
    const unreachable = () => new Error("timeout exceeded when trying to connect");
    let calls = 0;
    const delivered: string[] = [];
    const ok = await publishLogged(
      logger,
      "response:received (retried)",
      async () => {
        calls++;
        if (calls < 3) throw unreachable();
        delivered.push("response:received");
      },
      {},
      [1, 1, 1],
    );
    expect({ ok, calls, delivered }).toEqual({ ok: true, calls: 3, delivered: ["response:received"] });
    expect(lines.find((l) => l.publish === "response:received (retried)")).toBeUndefined();

    // Still unreachable after every pause: logged once, with how many times it was tried.
    let tries = 0;
    const gaveUp = await publishLogged(
      logger,
      "response:received (unreachable)",
      async () => {
        tries++;
        throw unreachable();
      },
      {},
      [1, 1, 1],
    );
    expect({ gaveUp, tries }).toEqual({ gaveUp: false, tries: 4 });
    expect(lines.filter((l) => l.publish === "response:received (unreachable)")).toEqual([expect.objectContaining({ attempts: 4 })]);

    // Any other failure (a bug, the socket adapter) is not tried again.
    let once = 0;
    await publishLogged(logger, "broken once", async () => {
      once++;
      throw new Error("emit failed");
    });
    expect(once).toBe(1);
  });
});
