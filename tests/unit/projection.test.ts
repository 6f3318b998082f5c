import { describe, expect, it } from "vitest";
import { invert, MAP_HEIGHT, MAP_WIDTH, project } from "@/lib/geo/projection";

const PLACES = [
  { name: "Quebec", lat: 46.8, lon: -71.2 },
  { name: "Reykjavik", lat: 64.1, lon: -21.9 },
  { name: "Asunción", lat: -25.3, lon: -57.6 },
  { name: "Tromsø", lat: 69.65, lon: 18.96 },
  { name: "Perth", lat: -31.95, lon: 115.86 },
];

describe("the world map projection", () => {
  it.each(PLACES)("reads $name back from where it is drawn within 0.01°", ({ lat, lon }) => {
    const [x, y] = project(lat, lon);
    const back = invert(x, y);
    expect(back).not.toBeNull();
    expect(Math.abs(back!.lat - lat)).toBeLessThan(0.01);
    expect(Math.abs(back!.lon - lon)).toBeLessThan(0.01);
  });

  it("draws every place inside the viewBox, north up and east right", () => {
    for (const { lat, lon } of PLACES) {
      const [x, y] = project(lat, lon);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(MAP_WIDTH);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(MAP_HEIGHT);
    }
    const [quebecX, quebecY] = project(46.8, -71.2);
    const [asuncionX, asuncionY] = project(-25.3, -57.6);
    expect(quebecY).toBeLessThan(asuncionY);
    expect(quebecX).toBeLessThan(asuncionX);
  });

  it("puts the centre of the map at 0°, 0°", () => {
    expect(invert(MAP_WIDTH / 2, MAP_HEIGHT / 2)).toEqual({ lat: 0, lon: 0 });
  });

  it("rounds a clicked position to four decimals", () => {
    const position = invert(301.37, 123.91)!;
    expect(position.lat).toBe(Number(position.lat.toFixed(4)));
    expect(position.lon).toBe(Number(position.lon.toFixed(4)));
  });

  it.each([
    ["the top-left corner", 1, 1],
    ["the bottom-right corner", MAP_WIDTH - 1, MAP_HEIGHT - 1],
    ["just left of the globe's widest point", 2, MAP_HEIGHT / 2],
    ["beyond the viewBox", MAP_WIDTH + 50, MAP_HEIGHT / 2],
  ])("returns null for a click off the globe: %s", (_, x, y) => {
    expect(invert(x, y)).toBeNull();
  });
});
