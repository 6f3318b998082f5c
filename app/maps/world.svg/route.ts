import { MAP_HEIGHT, MAP_WIDTH } from "@/lib/geo/projection";
import { BORDERS_PATH, GRATICULE_PATH, LAND_PATH, SPHERE_PATH } from "@/components/maps/land-path";

// The map's fixed geography as one static, long-cached image: drawn from the shipped atlas
// with the same projection the pins use, so pages carry only their pins, not ~100 kB of
// coastlines in every answer.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}">
<path d="${SPHERE_PATH}" fill="#111a2e"/>
<path d="${GRATICULE_PATH}" fill="none" stroke="#94a3b8" stroke-opacity="0.2" stroke-width="0.5"/>
<path d="${LAND_PATH}" fill="#334155" stroke="#64748b" stroke-width="0.5"/>
<path d="${BORDERS_PATH}" fill="none" stroke="#64748b" stroke-opacity="0.7" stroke-width="0.4"/>
<path d="${SPHERE_PATH}" fill="none" stroke="#64748b" stroke-width="1"/>
</svg>`;

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(SVG, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400, immutable" } });
}
