"use client";

import { useRouter } from "next/navigation";
import { WorldMap } from "@/components/maps/world-map";

/** The miner's public sites as pins; choosing one opens its page. */
export function MinerSitesMap({ sites, name }: { sites: { id: string; name: string; latitude: number; longitude: number }[]; name: string }) {
  const router = useRouter();
  return (
    <WorldMap
      ariaLabel={`Map of ${name}'s sites`}
      pins={sites.map((site) => ({ id: site.id, lat: site.latitude, lon: site.longitude, label: site.name, size: 0.5 }))}
      onPinSelect={(id) => router.push(`/sites/${id}`)}
    />
  );
}
