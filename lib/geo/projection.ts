// The one map projection every world map shares, so a pin drawn by the server and a click read
// by the browser agree on where a place is.
import { geoNaturalEarth1 } from "d3-geo";

export type LatLon = { lat: number; lon: number };

/** The map's SVG viewBox; Natural Earth's outline is close to this 1.92:1 shape. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
const MARGIN = 4;

export const mapProjection = geoNaturalEarth1()
  .precision(0.2)
  .fitExtent(
    [
      [MARGIN, MARGIN],
      [MAP_WIDTH - MARGIN, MAP_HEIGHT - MARGIN],
    ],
    { type: "Sphere" },
  );

/** Where a place falls in the viewBox, as [x, y]. */
export function project(lat: number, lon: number): [number, number] {
  // Natural Earth projects every point on the sphere, so the projection never returns null here.
  const point = mapProjection([lon, lat]) ?? [Number.NaN, Number.NaN];
  return [point[0], point[1]];
}

// Four decimals is about 11 m: finer than any click, coarse enough to read back.
const round = (value: number) => Math.round(value * 1e4) / 1e4 + 0;

/** The place under a viewBox point, or null when the point is off the globe (a corner of the map). */
export function invert(x: number, y: number): LatLon | null {
  const inverted = mapProjection.invert?.([x, y]);
  if (!inverted || !Number.isFinite(inverted[0]) || !Number.isFinite(inverted[1])) return null;
  const [lon, lat] = inverted;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // The inverse still answers for points beyond the outline; only a round trip proves it was on the map.
  const back = mapProjection([lon, lat]);
  if (!back || Math.hypot(back[0] - x, back[1] - y) > 0.5) return null;
  return { lat: round(lat), lon: round(lon) };
}
