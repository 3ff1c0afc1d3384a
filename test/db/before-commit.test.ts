import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeCommit, writeBeforeCommit } from "../../server/src/db/before-commit";
import type { Tx } from "../../server/src/db/client";
import { isUniqueViolation } from "../../server/src/db/errors";
import { regions } from "../../server/src/db/schema";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const code = () => `bc-${randomBytes(4).toString("hex")}`;
const insertRegion = (tx: Tx, c: string, name = "Before commit") => tx.insert(regions).values({ code: c, name });
const namesOf = async (codes: string[]) =>
  Object.fromEntries((await t.handle.db.select().from(regions).where(inArray(regions.code, codes))).map((r) => [r.code, r.name]));

describe("writeBeforeCommit (a transaction's last writes in one statement)", () => {
  it("should send the writes after the transaction's own work and its end work, as one statement, and hand back what they return", async () => {
    const [mine, first, second, last] = [code(), code(), code(), code()];
    const order: string[] = [];
    let returned: Record<string, unknown>[] | undefined;
    await t.handle.db.transaction(async (tx) => {
      expect(
        writeBeforeCommit(
          tx,
          () => insertRegion(tx, first).returning({ code: regions.code }).getSQL(),
          (rows) => (returned = rows),
        ),
      ).toBe(true);
      // In the same statement the insert above is not visible yet: this update finds nothing.
      expect(writeBeforeCommit(tx, () => tx.update(regions).set({ name: "Seen" }).where(eq(regions.code, first)).getSQL())).toBe(true);
      expect(writeBeforeCommit(tx, () => undefined)).toBe(true);
      beforeCommit(tx, async () => {
        order.push("end work");
        await insertRegion(tx, last);
      });
      await insertRegion(tx, mine);
      // The end work's row is there before the writes go: they may read it, as one statement does.
      writeBeforeCommit(tx, () => {
        order.push("writes");
        return tx.update(regions).set({ name: "Seen" }).where(eq(regions.code, last)).getSQL();
      });
      writeBeforeCommit(tx, () => insertRegion(tx, second).getSQL());
    });
    expect(order).toEqual(["end work", "writes"]);
    expect(returned).toEqual([{ code: first }]);
    expect(await namesOf([mine, first, second, last])).toEqual({
      [mine]: "Before commit",
      [first]: "Before commit",
      [second]: "Before commit",
      [last]: "Seen",
    });
  });

  it("should roll the whole transaction back when one of the writes fails, and fail with its error", async () => {
    const [taken, mine, first] = [code(), code(), code()];
    await t.handle.db.insert(regions).values({ code: taken, name: "Taken" });
    const failed = await t.handle.db
      .transaction(async (tx) => {
        await insertRegion(tx, mine);
        writeBeforeCommit(tx, () => insertRegion(tx, first).getSQL());
        writeBeforeCommit(tx, () => insertRegion(tx, taken).getSQL());
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await namesOf([taken, mine, first])).toEqual({ [taken]: "Taken" });
  });

  it("should refuse in a savepoint (no end of its own): the caller writes at once", async () => {
    const c = code();
    await t.handle.db.transaction(async (tx) => {
      await tx.transaction(async (savepoint) => {
        expect(writeBeforeCommit(savepoint, () => insertRegion(savepoint, c).getSQL())).toBe(false);
      });
      await tx.execute(sql`SELECT 1`);
    });
    expect(await namesOf([c])).toEqual({});
  });
});
