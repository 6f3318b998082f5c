"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type RefObject } from "react";
import { cn } from "@/components/ui/cn";
import { invert, MAP_HEIGHT, MAP_WIDTH, project, type LatLon } from "@/lib/geo/projection";

export type MapPin = {
  id: string;
  lat: number;
  lon: number;
  label: string;
  /** 0..1, drawn as a radius from 4 to 14 px; 0.3 when absent. */
  size?: number;
  /** muted: grey (e.g. nothing free); default: volt; accent: near-white with a volt ring, the brightest. */
  tone?: "default" | "muted" | "accent";
  /**
   * false: drawn as a dot in one shared path (a few bytes, not a focusable element); the
   * pointer still highlights and selects it. For maps of hundreds of pins, most of them off
   * the list beside the map. Default true.
   */
  focusable?: boolean;
};

type WorldMapProps = {
  pins: MapPin[];
  selectedId?: string | null;
  highlightedId?: string | null;
  onPinHover?: (id: string | null) => void;
  onPinSelect?: (id: string) => void;
  /** Turns on pick mode: a click on the globe reports its position (4 decimals). */
  onPick?: (position: LatLon) => void;
  picked?: LatLon | null;
  className?: string;
  ariaLabel: string;
};

const MIN_RADIUS_PX = 4;
const MAX_RADIUS_PX = 14;
// 24 × 24 px is WCAG's minimum target; small pins get an invisible larger one.
const MIN_TARGET_RADIUS_PX = 12;

const TONE_CLASSES = {
  default: "fill-volt-400 stroke-ink-950",
  muted: "fill-slate-400 stroke-ink-950",
  accent: "fill-volt-100 stroke-volt-500",
} as const;

// The same colours for dots drawn as round caps of zero-length strokes (see Dots).
const DOT_CLASSES = { default: "stroke-volt-400", muted: "stroke-slate-400", accent: "stroke-volt-100" } as const;

/** Pins and markers keep their size in screen pixels however wide the map is drawn. */
function useUnitsPerPixel(svgRef: RefObject<SVGSVGElement | null>): number {
  const [unitsPerPixel, setUnitsPerPixel] = useState(1);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const measure = () => {
      const width = svg.getBoundingClientRect().width;
      if (width > 0) setUnitsPerPixel(MAP_WIDTH / width);
    };
    // A ResizeObserver reports once on observe(), before the first paint, so no separate measure.
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [svgRef]);
  return unitsPerPixel;
}

function radiusPx(pin: MapPin): number {
  const size = Math.min(1, Math.max(0, pin.size ?? 0.3));
  return MIN_RADIUS_PX + size * (MAX_RADIUS_PX - MIN_RADIUS_PX);
}

function PinMark({ pin, state, unit }: { pin: MapPin; state: "idle" | "highlighted" | "selected"; unit: number }) {
  const [x, y] = project(pin.lat, pin.lon);
  const r = radiusPx(pin) * unit;
  return (
    <>
      {state === "selected" && <circle cx={x} cy={y} r={r + 5 * unit} className="fill-none stroke-volt-300" strokeWidth={2 * unit} />}
      <circle
        cx={x}
        cy={y}
        r={r}
        className={cn(TONE_CLASSES[pin.tone ?? "default"], state !== "idle" && "stroke-white")}
        strokeWidth={(state === "idle" ? 1.5 : state === "highlighted" ? 2.5 : 3) * unit}
      />
    </>
  );
}

type Placed = { pin: MapPin; x: number; y: number };

/** The pin whose target (at least 24 px across) holds the point, nearest first. */
function pinAt(placed: Placed[], x: number, y: number, unit: number): MapPin | undefined {
  let best: MapPin | undefined;
  let bestDistance = Infinity;
  for (const p of placed) {
    const distance = Math.hypot(p.x - x, p.y - y);
    if (distance <= Math.max(radiusPx(p.pin), MIN_TARGET_RADIUS_PX) * unit && distance < bestDistance) {
      best = p.pin;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Pins that are not focusable, as a few paths rather than an element each: one dot per pin as
 * the round cap of a zero-length stroke ("M x y h0"), grouped by tone and whole-pixel radius,
 * a dark one under a coloured one for the outline.
 */
function Dots({ placed, unit }: { placed: Placed[]; unit: number }) {
  const groups = new Map<string, { tone: keyof typeof DOT_CLASSES; radius: number; d: string }>();
  for (const { pin, x, y } of placed) {
    const tone = pin.tone ?? "default";
    const radius = Math.round(radiusPx(pin));
    const key = `${tone} ${radius}`;
    const group = groups.get(key) ?? { tone, radius, d: "" };
    group.d += `M${x.toFixed(1)} ${y.toFixed(1)}h0`;
    groups.set(key, group);
  }
  return (
    <g aria-hidden="true" className="fill-none" strokeLinecap="round">
      {[...groups.entries()].map(([key, { tone, radius, d }]) => (
        <g key={key}>
          <path d={d} className="stroke-ink-950" strokeWidth={(2 * radius + 3) * unit} />
          <path d={d} className={DOT_CLASSES[tone]} strokeWidth={2 * radius * unit} />
        </g>
      ))}
    </g>
  );
}

export function WorldMap({ pins, selectedId = null, highlightedId = null, onPinHover, onPinSelect, onPick, picked = null, className, ariaLabel }: WorldMapProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const unit = useUnitsPerPixel(svgRef);
  const hintId = useId();
  // The pin under the pointer or keyboard focus, which a parent's highlightedId may lag behind.
  const [pointerId, setPointerId] = useState<string | null>(null);
  const activeId = pointerId ?? highlightedId;
  const byId = new Map(pins.map((pin) => [pin.id, pin]));
  const activePin = activeId ? byId.get(activeId) : undefined;
  const selectedPin = selectedId ? byId.get(selectedId) : undefined;
  const { buttons, dots } = useMemo(() => {
    const placed = pins.map((pin) => {
      const [x, y] = project(pin.lat, pin.lon);
      return { pin, x, y };
    });
    return { buttons: placed.filter((p) => p.pin.focusable !== false), dots: placed.filter((p) => p.pin.focusable === false) };
  }, [pins]);
  const dotsReact = dots.length > 0 && Boolean(onPinHover || onPinSelect);

  /** The dot under the pointer, unless a focusable pin (which handles itself) is there. */
  function dotAt(event: MouseEvent<SVGSVGElement>): MapPin | undefined {
    const matrix = svgRef.current?.getScreenCTM();
    if (!matrix || (event.target as Element).closest("[role=button]")) return undefined;
    const { x, y } = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return pinAt(dots, x, y, unit);
  }

  function pointDot(event: PointerEvent<SVGSVGElement>) {
    // Over a focusable pin, the pin's own handlers have the pointer.
    if ((event.target as Element).closest("[role=button]")) return;
    const id = dotAt(event)?.id ?? null;
    if (id !== pointerId) point(id);
  }

  function clickDot(event: MouseEvent<SVGSVGElement>) {
    const dot = dotAt(event);
    if (dot) onPinSelect?.(dot.id);
  }

  function point(id: string | null) {
    setPointerId(id);
    onPinHover?.(id);
  }

  function pick(event: MouseEvent<SVGSVGElement>) {
    const matrix = svgRef.current?.getScreenCTM();
    if (!onPick || !matrix) return;
    const { x, y } = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const position = invert(x, y);
    if (position) onPick(position);
  }

  function selectOnKey(event: KeyboardEvent, id: string) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onPinSelect?.(id);
  }

  return (
    <div className={className}>
      <div className="relative">
        <svg
          ref={svgRef}
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          role="group"
          aria-label={ariaLabel}
          aria-describedby={onPick ? hintId : undefined}
          onClick={onPick ? pick : dotsReact ? clickDot : undefined}
          onPointerMove={dotsReact ? pointDot : undefined}
          onPointerLeave={dotsReact ? () => pointerId && point(null) : undefined}
          className={cn("block aspect-[960/500] h-auto w-full select-none", onPick && "cursor-crosshair", dotsReact && activePin?.focusable === false && "cursor-pointer")}
        >
          <g aria-hidden="true">
            {/* The geography is a static, cached image (app/maps/world.svg): pages carry only pins. */}
            <image href="/maps/world.svg" x={0} y={0} width={MAP_WIDTH} height={MAP_HEIGHT} preserveAspectRatio="none" aria-hidden="true" />
          </g>

          <Dots placed={dots} unit={unit} />
          {/* Focusable pins stay in the caller's order so Tab follows the results list; the overlays
              below repaint the highlighted and selected ones on top without moving focusable nodes. */}
          {buttons.map(({ pin, x, y }) => (
            <g
              key={pin.id}
              role="button"
              tabIndex={0}
              aria-label={pin.label}
              aria-current={pin.id === selectedId ? "true" : undefined}
              className="group cursor-pointer outline-none"
              onClick={(event) => {
                event.stopPropagation();
                onPinSelect?.(pin.id);
              }}
              onKeyDown={(event) => selectOnKey(event, pin.id)}
              onMouseEnter={() => point(pin.id)}
              onMouseLeave={() => point(null)}
              onFocus={() => point(pin.id)}
              onBlur={() => point(null)}
            >
              <circle cx={x} cy={y} r={Math.max(radiusPx(pin), MIN_TARGET_RADIUS_PX) * unit} className="fill-transparent" />
              <PinMark pin={pin} state={pin.id === selectedId ? "selected" : pin.id === activeId ? "highlighted" : "idle"} unit={unit} />
              <circle
                cx={x}
                cy={y}
                r={(radiusPx(pin) + 8) * unit}
                className="fill-none stroke-sky-400 opacity-0 group-focus-visible:opacity-100"
                strokeWidth={2 * unit}
              />
            </g>
          ))}
          <g aria-hidden="true" className="pointer-events-none">
            {activePin && activePin !== selectedPin && <PinMark pin={activePin} state="highlighted" unit={unit} />}
            {selectedPin && <PinMark pin={selectedPin} state="selected" unit={unit} />}
          </g>

          {picked && <Crosshair position={picked} unit={unit} />}
        </svg>
        {activePin && <PinTooltip pin={activePin} />}
      </div>
      {onPick && (
        <p id={hintId} className="mt-2 text-xs text-slate-600">
          Click the map to set the position, or type the latitude and longitude in the fields.
        </p>
      )}
    </div>
  );
}

function Crosshair({ position, unit }: { position: LatLon; unit: number }) {
  const [x, y] = project(position.lat, position.lon);
  const arms = `M${x - 16 * unit},${y}h${10 * unit}M${x + 6 * unit},${y}h${10 * unit}M${x},${y - 16 * unit}v${10 * unit}M${x},${y + 6 * unit}v${10 * unit}`;
  // A dark outline under the bright mark keeps it visible over land, sea and pins alike.
  return (
    <g aria-hidden="true" className="pointer-events-none fill-none">
      <path d={arms} className="stroke-ink-950" strokeWidth={5 * unit} strokeLinecap="round" />
      <circle cx={x} cy={y} r={5 * unit} className="stroke-ink-950" strokeWidth={5 * unit} />
      <path d={arms} className="stroke-volt-400" strokeWidth={2.5 * unit} strokeLinecap="round" />
      <circle cx={x} cy={y} r={5 * unit} className="stroke-volt-400" strokeWidth={2.5 * unit} />
    </g>
  );
}

/** A visual echo of the pin's aria-label, so screen readers are not told twice. */
function PinTooltip({ pin }: { pin: MapPin }) {
  const [x, y] = project(pin.lat, pin.lon);
  const gap = radiusPx(pin) + 6;
  // Near an edge the label turns inward instead of being cut off.
  const shiftX = x < MAP_WIDTH * 0.2 ? "-12px" : x > MAP_WIDTH * 0.8 ? "calc(-100% + 12px)" : "-50%";
  const shiftY = y < MAP_HEIGHT * 0.2 ? `${gap}px` : `calc(-100% - ${gap}px)`;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-10 w-max max-w-60 rounded-md bg-white px-2 py-1 text-xs font-medium text-slate-900 shadow-md ring-1 ring-slate-900/10"
      style={{ left: `${(x / MAP_WIDTH) * 100}%`, top: `${(y / MAP_HEIGHT) * 100}%`, transform: `translate(${shiftX}, ${shiftY})` }}
    >
      {pin.label}
    </div>
  );
}
