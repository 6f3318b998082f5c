// Map pins travel from the server page to the browser as arrays, not objects: a search can
// match thousands of sites, and the keys of each object would weigh more than its values.
import type { SitePin } from "@/db/queries/search";

/** [siteId, siteName, region, country, latitude, longitude, listings, freeKw, minPriceCents] */
export type PackedPin = [string, string, string, string, number, number, number, number, number];

// Two decimals of a degree is about 1 km: finer than a pixel of the world map.
const coordinate = (value: number) => Math.round(value * 100) / 100;

export function packPins(pins: SitePin[]): PackedPin[] {
  return pins.map((p) => [p.siteId, p.siteName, p.region, p.country, coordinate(p.latitude), coordinate(p.longitude), p.listings, p.freeKw, p.minPriceCents]);
}

export function unpackPins(packed: PackedPin[]): SitePin[] {
  return packed.map(([siteId, siteName, region, country, latitude, longitude, listings, freeKw, minPriceCents]) => ({ siteId, siteName, region, country, latitude, longitude, listings, freeKw, minPriceCents }));
}
