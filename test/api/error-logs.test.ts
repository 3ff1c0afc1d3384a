import { Writable } from "node:stream";
import { pino } from "pino";
import request from "supertest";
import { childInput } from "../factories/children";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

// A write that the database refuses after validation passed (here a trigger standing in for any
// fault: a full disk, a constraint added later) must be logged without what was written.
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false, logger: pino({ level: "info" }, sink) });
  const sql = t.database.handle.sql;
  // The refusal quotes the row, as PostgreSQL's own messages and details often do.
  await sql.query(`CREATE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused: %', row_to_json(NEW)::text USING DETAIL = row_to_json(NEW)::text; END $$`);
  for (const table of ["child_profiles", "service_feedback"]) {
    await sql.query(`CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_write()`);
  }
});
afterAll(() => t.close());

describe("Logs of a failed write", () => {
  it("should log the table and the error code of a failed write, never a value it sent", async () => {
    const region = await buildRegion(t.database.handle.db);
    const council = await buildOrganisation(t.database.handle.db, { kind: "council", regionId: region.id });
    const commissioner = await buildUser(t.database.handle.db, { organisationId: council.id, role: "commissioner" });
    const child = childInput({ reference: "LOGCHK-7731", birthMonth: "2013-11", homeOutcode: "WA13", sectionB: "Quiet-room-marker-9f2" });

    const res = await request(t.app).post("/api/v1/children").set(commissioner.auth).set("X-Request-Id", "log-fail-00000001").send(child);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: "internal_error" });
    const feedback = await request(t.app)
      .post("/api/v1/service-feedback")
      .set("X-Request-Id", "log-fail-00000002")
      .send({ rating: "satisfied", comments: "Feedback-marker-5e1 about the service" });
    expect(feedback.status).toBe(500);

    const text = lines.join("\n");
    for (const value of ["LOGCHK-7731", "2013-11", "WA13", "Quiet-room-marker-9f2", "Feedback-marker-5e1", "ASD", "SLCN", "refused:"]) {
      expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
    }
    const ours = lines.filter((l) => l.includes("log-fail-0000000"));
    const logged = ours.map((l) => JSON.parse(l) as { level: number; err?: { code?: string; statement?: string } });
    // What the log does say: which statement on which table failed, and PostgreSQL's code.
    expect(logged.filter((l) => l.level >= 50).map((l) => l.err)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "P0001", statement: expect.stringContaining("child_profiles") }),
        expect.objectContaining({ code: "P0001", statement: expect.stringContaining("service_feedback") }),
      ]),
    );
  });
});
