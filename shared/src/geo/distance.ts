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

/**
 * The smallest latitude/longitude box holding every point within `km` of `centre` (on the same
 * sphere as haversineKm), so a box prefilter never drops a point the exact distance would keep.
 * The widest longitude is reached away from the centre's parallel, hence asin(sin/cos), not km/cos.
 */
export function boundingBox(centre: LatLng, km: number): { minLatitude: number; maxLatitude: number; minLongitude: number; maxLongitude: number } {
  const degrees = (r: number) => (r * 180) / Math.PI;
  const angle = km / EARTH_RADIUS_KM;
  // A millionth of a degree (about 0.1 m) more, against floating-point rounding at the edge.
  const dLat = degrees(angle) + 1e-6;
  const ratio = Math.sin(angle) / Math.cos(radians(centre.latitude));
  const dLng = angle >= Math.PI / 2 || ratio >= 1 ? 180 : degrees(Math.asin(ratio)) + 1e-6;
  return {
    minLatitude: centre.latitude - dLat,
    maxLatitude: centre.latitude + dLat,
    minLongitude: centre.longitude - dLng,
    maxLongitude: centre.longitude + dLng,
  };
}
