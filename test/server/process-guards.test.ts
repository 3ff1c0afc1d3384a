import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { pino } from "pino";
import { installProcessGuards } from "../../server/src/process-guards";

function harness(options: { maxRejections?: number } = {}) {
  const lines: { level: number; msg: string; err?: { type?: string; message?: string } }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const exits: number[] = [];
  const target = new EventEmitter();
  const uninstall = installProcessGuards(pino({ level: "info" }, sink), { ...options, target: target as never, exit: (code) => void exits.push(code) });
  return { lines, exits, target, uninstall };
}

describe("Process guards", () => {
  it("should log an unhandled rejection as an error and keep the node serving", () => {
    const h = harness();
    h.target.emit("unhandledRejection", new Error("the pool timed out"));
    expect(h.exits).toEqual([]);
    expect(h.lines).toEqual([
      expect.objectContaining({ level: 50, msg: "unhandled promise rejection", err: expect.objectContaining({ message: "the pool timed out" }) }),
    ]);
    h.uninstall();
    expect(h.target.listenerCount("unhandledRejection")).toBe(0);
  });

  it("should exit with 1 when rejections keep coming, so a broken node is restarted rather than hidden", () => {
    const h = harness({ maxRejections: 3 });
    for (let i = 0; i < 3; i++) h.target.emit("unhandledRejection", new Error(`fault ${i}`));
    expect(h.exits).toEqual([]);
    h.target.emit("unhandledRejection", new Error("fault 3"));
    expect(h.exits).toEqual([1]);
    expect(h.lines.at(-1)).toMatchObject({ level: 60 });
  });

  it("should log an uncaught exception as fatal and exit with 1", () => {
    const h = harness();
    h.target.emit("uncaughtException", new Error("state unknown"));
    expect(h.exits).toEqual([1]);
    expect(h.lines).toEqual([expect.objectContaining({ level: 60, msg: "uncaught exception: exiting" })]);
  });
});
