import { DrizzleQueryError } from "drizzle-orm/errors";
import { isDatabaseUnavailable } from "../../server/src/db/errors";
import { errorForLog } from "../../server/src/error-for-log";

// Under load a statement can fail before PostgreSQL sees it: the pool waited its 3 s for a
// connection. node-postgres says so in words, with no SQLSTATE, and Drizzle wraps that in an
// error whose message holds every parameter. The log must say which of the fixed reasons it was
// (a busy pool and a database gone away call for different action) and still none of the values.
const QUERY = 'select "id", "reference" from "placement_requests" where "placement_requests"."reference" = $1';
const failed = (cause: Error) => new DrizzleQueryError(QUERY, ["REF-SECRET-4471"], cause);
/** A PostgreSQL error as node-postgres gives it: a SQLSTATE and a severity. */
const postgresError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("A failed statement's log line", () => {
  it("should say that the pool timed out waiting for a connection, with the statement's kind and table and no value", () => {
    const logged = errorForLog(failed(new Error("timeout exceeded when trying to connect")));
    expect(logged).toMatchObject({ type: "DatabaseError", statement: "select placement_requests", unavailable: "timeout exceeded when trying to connect" });
    expect(JSON.stringify(logged)).not.toContain("REF-SECRET-4471");
    expect(logged.message).toBeUndefined();
  });

  it("should give the system's code when the database could not be reached", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(errorForLog(failed(refused))).toMatchObject({ type: "DatabaseError", unavailable: "ECONNREFUSED" });
  });

  it("should give PostgreSQL's own code, and no reason of the driver's, when PostgreSQL answered", () => {
    const shutdown = errorForLog(failed(postgresError("57P01", "terminating connection due to administrator command")));
    expect(shutdown).toMatchObject({ type: "DatabaseError", code: "57P01" });
    expect(shutdown.unavailable).toBeUndefined();
    const duplicate = errorForLog(failed(postgresError("23505", 'duplicate key value violates unique constraint "x" Key (reference)=(REF-SECRET-4471)')));
    expect(duplicate).toMatchObject({ code: "23505" });
    expect(JSON.stringify(duplicate)).not.toContain("REF-SECRET-4471");
  });

  it("should give no reason for a statement that is wrong rather than unanswered", () => {
    const wrong = errorForLog(failed(new Error('column "nope" does not exist')));
    expect(wrong).toMatchObject({ type: "DatabaseError", statement: "select placement_requests" });
    expect(wrong.unavailable).toBeUndefined();
  });

  it("should give a reason for the driver's words exactly when the request is answered 503 (isDatabaseUnavailable)", () => {
    const causes = [
      new Error("timeout exceeded when trying to connect"),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      new Error('column "nope" does not exist'),
      new Error("Cannot use a pool after calling end on the pool"),
    ];
    const seen = causes.map((cause) => ({
      cause: cause.message,
      logged: errorForLog(failed(cause)).unavailable !== undefined,
      answered503: isDatabaseUnavailable(failed(cause)),
    }));
    expect(seen.map((s) => s.logged)).toEqual([true, true, true, false, false]);
    for (const s of seen) expect(s.logged).toBe(s.answered503);
  });
});
