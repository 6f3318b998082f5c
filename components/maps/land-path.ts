// The map's fixed geography, drawn once per bundle from the shipped atlas so the map needs no
// tile server. countries-110m holds both the land and the borders, so one 38 KB (gzipped) file
// serves both.
import { geoGraticule, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import atlas from "world-atlas/countries-110m.json";
import { mapProjection } from "@/lib/geo/projection";

// JSON imports type `"type"` fields as plain strings; the atlas is a valid TopoJSON topology.
type Topology = Parameters<typeof mesh>[0];
type TopoObject = NonNullable<Parameters<typeof mesh>[1]>;
const topology = atlas as unknown as Topology;
const objects = topology.objects as { land: TopoObject; countries: TopoObject };
// One decimal of a 960-unit viewBox is far below a pixel and keeps the strings short.
const path = geoPath(mapProjection).digits(1);

export const SPHERE_PATH = path({ type: "Sphere" }) ?? "";
/** Every 30°: enough to read a latitude by eye, a third of the bytes of the usual 10° grid. */
export const GRATICULE_PATH = path(geoGraticule().step([30, 30])()) ?? "";
export const LAND_PATH = path(feature(topology, objects.land)) ?? "";
/** Borders between countries only, so coastlines are not stroked twice. */
export const BORDERS_PATH = path(mesh(topology, objects.countries, (a, b) => a !== b)) ?? "";
