import fc from "fast-check";
import { boundingBox, haversineKm } from "@shared/geo/distance";

describe("boundingBox", () => {
  it("should hold every point within the distance, so a box prefilter never drops a match", () => {
    const ukPoint = fc.record({ latitude: fc.double({ min: 49, max: 61, noNaN: true }), longitude: fc.double({ min: -9, max: 3, noNaN: true }) });
    fc.assert(
      fc.property(ukPoint, ukPoint, (centre, point) => {
        const km = haversineKm(centre, point);
        const box = boundingBox(centre, km);
        expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude);
        expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude);
        expect(point.longitude).toBeGreaterThanOrEqual(box.minLongitude);
        expect(point.longitude).toBeLessThanOrEqual(box.maxLongitude);
      }),
      { numRuns: 2000 },
    );
  });
});
