import { randomBytes } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import type { Db } from "../../server/src/db/client";
import { organisations, regions } from "../../server/src/db/schema";

const unique = () => randomBytes(4).toString("hex");

export async function buildRegion(db: Db) {
  const [region] = await db
    .insert(regions)
    .values({ code: `region-${unique()}`, name: `Test region ${unique()}` })
    .returning();
  if (!region) throw new Error("no region");
  return region;
}

/** An LA code no organisation of this kind in the region has yet (they are unique per region). */
async function freeLaCode(db: Db, regionId: string, kind: OrganisationKind): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ laCode: organisations.laCode })
        .from(organisations)
        .where(and(eq(organisations.regionId, regionId), eq(organisations.kind, kind), isNotNull(organisations.laCode)))
    ).map((r) => r.laCode),
  );
  const start = Math.floor(Math.random() * 900);
  for (let i = 0; i < 900; i++) {
    const code = String(100 + ((start + i) % 900));
    if (!taken.has(code)) return code;
  }
  throw new Error("no free LA code left in this region");
}

/** An organisation of the given kind, in the given region or a fresh one. */
export async function buildOrganisation(db: Db, options: { kind: OrganisationKind; regionId?: string; name?: string }) {
  const regionId = options.regionId ?? (await buildRegion(db)).id;
  const needsLa = options.kind === "council" || options.kind === "parent_forum";
  const [org] = await db
    .insert(organisations)
    .values({
      regionId,
      kind: options.kind,
      name: options.name ?? `Test ${options.kind} ${unique()}`,
      laCode: needsLa ? await freeLaCode(db, regionId, options.kind) : null,
    })
    .returning();
  if (!org) throw new Error("no organisation");
  return org;
}
