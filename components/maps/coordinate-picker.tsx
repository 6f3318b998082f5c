"use client";

import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import type { LatLon } from "@/lib/geo/projection";
import { WorldMap } from "./world-map";

type CoordinatePickerProps = {
  defaultLat?: number;
  defaultLon?: number;
  latError?: string;
  lonError?: string;
};

function positionOf(lat: unknown, lon: unknown): LatLon | null {
  // Number("") is 0, so an empty field must be refused before converting.
  if (lat === "" || lon === "" || lat == null || lon == null) return null;
  const position = { lat: Number(lat), lon: Number(lon) };
  const valid = Number.isFinite(position.lat) && Number.isFinite(position.lon) && Math.abs(position.lat) <= 90 && Math.abs(position.lon) <= 180;
  return valid ? position : null;
}

/**
 * Latitude and longitude as plain uncontrolled inputs (so a normal form submits them), with a
 * map that fills them on click and follows what is typed.
 */
export function CoordinatePicker({ defaultLat, defaultLon, latError, lonError }: CoordinatePickerProps) {
  const latRef = useRef<HTMLInputElement>(null);
  const lonRef = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState(() => positionOf(defaultLat, defaultLon));

  // React resets a form after its action runs; the inputs go back to their defaults, so must the marker.
  useEffect(() => {
    const form = latRef.current?.form;
    if (!form) return;
    const onReset = () => setPicked(positionOf(defaultLat, defaultLon));
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, [defaultLat, defaultLon]);

  function follow() {
    setPicked(positionOf(latRef.current?.value, lonRef.current?.value));
  }

  function fill(position: LatLon) {
    if (latRef.current) latRef.current.value = String(position.lat);
    if (lonRef.current) lonRef.current.value = String(position.lon);
    setPicked(position);
  }

  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          ref={latRef}
          label="Latitude"
          name="latitude"
          type="number"
          step="any"
          min={-90}
          max={90}
          hint="Degrees north; south is negative."
          defaultValue={defaultLat}
          error={latError}
          onChange={follow}
        />
        <Field
          ref={lonRef}
          label="Longitude"
          name="longitude"
          type="number"
          step="any"
          min={-180}
          max={180}
          hint="Degrees east; west is negative."
          defaultValue={defaultLon}
          error={lonError}
          onChange={follow}
        />
      </div>
      <WorldMap pins={[]} onPick={fill} picked={picked} ariaLabel="World map for placing the site" />
    </div>
  );
}
