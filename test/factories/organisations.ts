import { randomBytes } from "node:crypto";
import type { OrganisationKind } from "../../shared/src/codes/organisation-kinds";
import type { Db } from "../../server/src/db/client";
import { organisations, regions } from "../../server/src/db/schema";

const unique = () => randomBytes(4).toString("hex");

export async function buildRegion(db: Db) {
  const [region] = await db.insert(regions).values({ code: `region-${unique()}`, name: `Test region ${unique()}` }).returning();
  if (!region) throw new Error("no region");
  return region;
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
      laCode: needsLa ? String(100 + Math.floor(Math.random() * 900)) : null,
    })
    .returning();
  if (!org) throw new Error("no organisation");
  return org;
}
