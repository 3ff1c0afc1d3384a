import { loadOutcodes } from "../modules/directory/geo/outcodes";
import type { Db } from "./client";

/**
 * Reference data every deployment needs, demo or not: postcode district centres (to place
 * settings and children's home districts). Loaded once; later calls find it there.
 */
export async function loadReferenceData(db: Db) {
  return { outcodes: await loadOutcodes(db) };
}
