/** A point on the Earth in WGS84 degrees. */
export interface LatLng {
  latitude: number;
  longitude: number;
}

/**
 * The mean Earth radius (IUGG). Directory search computes distance in SQL with the same
 * formula and this same constant, so a distance shown on a page and one used to rank agree.
 */
export const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Great-circle distance in kilometres (haversine). Settings and children are placed by postcode
 * district centroid, so the answer is only ever good to a few kilometres; a sphere is plenty.
 */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
