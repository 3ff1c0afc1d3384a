import type { Db } from "../../db/client";
import { findOutcode, normaliseOutcode } from "./geo/outcodes";

/**
 * Where a setting is, from its postcode district's centre: close enough for "within 25 km",
 * and the same measure used for a child's home district, which never needs a full postcode.
 */
export async function locate(db: Db, postcode: string): Promise<{ outcode: string | null; latitude: number | null; longitude: number | null }> {
  const outcode = normaliseOutcode(postcode) ?? null;
  const centre = outcode ? await findOutcode(db, outcode) : undefined;
  return { outcode, latitude: centre?.latitude ?? null, longitude: centre?.longitude ?? null };
}
