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
  it("should publish in order only once the response has finished, and log a failing publish without changing the answer", async () => {
    const seen: { label: string; finished: boolean }[] = [];
    const app = express();
    app.use(requestLogging(logger));
    app.post("/write", (_req, res) => {
      afterCommit(res, "first", () => void seen.push({ label: "first", finished: res.writableFinished }));
      afterCommit(res, "broken", async () => {
        throw new Error("socket adapter down");
      });
      afterCommit(res, "third", async () => void seen.push({ label: "third", finished: res.writableFinished }));
      // Nothing has run yet: the answer is still being decided.
      expect(seen).toEqual([]);
      res.status(201).json({ ok: true });
    });

    const response = await request(app).post("/write").set("X-Request-Id", "after-commit-0001");
    expect(response.status).toBe(201);
    await until(() => seen.length === 2);
    expect(seen).toEqual([
      { label: "first", finished: true },
      { label: "third", finished: true },
    ]);
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
});
