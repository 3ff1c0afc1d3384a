import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { organisations, regions } from "../../../db/schema";

export const UNCLAIMED_HOLDER_NAME = "Unclaimed settings (GIAS import)";

/**
 * Where new settings go: the region asked for, else the region whose council has the row's LA
 * code, else the first region created. Each region's settings wait with its one "unclaimed"
 * provider organisation until a provider claims them; it is created on first need.
 */
export async function unclaimedHolders(tx: Tx, regionId: string | undefined) {
  const regionList = await tx.select({ id: regions.id }).from(regions).orderBy(asc(regions.createdAt), asc(regions.id));
  if (regionId !== undefined && !regionList.some((r) => r.id === regionId)) throw new Error(`There is no region ${regionId}`);
  const councils = await tx
    .select({ laCode: organisations.laCode, regionId: organisations.regionId })
    .from(organisations)
    .where(eq(organisations.kind, "council"));
  const regionByLaCode = new Map(councils.flatMap((c) => (c.laCode ? [[c.laCode, c.regionId] as const] : [])));
  const holderByRegion = new Map<string, string>();

  async function holderFor(targetRegionId: string): Promise<string> {
    const known = holderByRegion.get(targetRegionId);
    if (known) return known;
    const find = () =>
      tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.regionId, targetRegionId), eq(organisations.holdsUnclaimedSettings, true)));
    let [holder] = await find();
    if (!holder) {
      // The partial unique index allows one holder a region; if another writer made it first, use theirs.
      await tx
        .insert(organisations)
        .values({ regionId: targetRegionId, kind: "provider", name: UNCLAIMED_HOLDER_NAME, holdsUnclaimedSettings: true })
        .onConflictDoNothing();
      [holder] = await find();
    }
    if (!holder) throw new Error(`Could not find or create the unclaimed-settings organisation of region ${targetRegionId}`);
    holderByRegion.set(targetRegionId, holder.id);
    return holder.id;
  }

  return {
    /** The holder organisation for a new setting from this LA (a uuid). */
    async forLaCode(laCode: string | null): Promise<string> {
      const target = regionId ?? (laCode ? regionByLaCode.get(laCode) : undefined) ?? regionList[0]?.id;
      if (!target) throw new Error("There is no region to import settings into: seed or create one first (npm run cli -- seed)");
      return holderFor(target);
    },
  };
}
