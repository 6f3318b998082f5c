"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormSection } from "@/components/ui/fieldset";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { CoordinatePicker } from "@/components/maps/coordinate-picker";
import { Markdown } from "@/components/markdown";
import type { ActionResult, ActionState, FormValues } from "@/lib/action";
import { unflatten } from "@/lib/validations/fields";
import { COOLING_TYPES, INTERCONNECTION_STATUSES, POWER_SOURCE_KEYS, REDUNDANCY, siteSchema, WATER_AVAILABILITY } from "@/lib/validations/site";

export type SiteFormDefaults = {
  name: string;
  country: string;
  region: string;
  latitude: number | null;
  longitude: number | null;
  energizedMw: number | null;
  plannedMw: number | null;
  plannedEnergizationDate: string | null;
  interconnectionStatus: string;
  interconnectionVoltageKv: number | null;
  powerMix: Record<(typeof POWER_SOURCE_KEYS)[number], number>;
  curtailmentHoursPerYear: number | null;
  coolingTypes: string[];
  pue: number | null;
  redundancy: string;
  floorLoadingKgPerM2: number | null;
  waterAvailability: string;
  uplinkGbps: number | null;
  fiberCarriers: number | null;
  security: string;
  certifications: string[];
  description: string;
};

const SOURCE_LABELS: Record<(typeof POWER_SOURCE_KEYS)[number], string> = {
  hydro: "Hydro",
  wind: "Wind",
  solar: "Solar",
  nuclear: "Nuclear",
  gas: "Natural gas",
  flareGas: "Flare gas",
  grid: "Grid (mixed)",
};
const COOLING_LABELS: Record<string, string> = { air: "Air", hydro: "Hydro (water loops)", immersion: "Immersion", direct_liquid: "Direct liquid" };
const INTERCONNECTION_LABELS: Record<string, string> = {
  energized: "Energized",
  under_construction: "Under construction",
  approved: "Approved",
  in_study: "In study",
  applied: "Applied",
};

type Props = {
  action: (state: ActionState<unknown>, formData: FormData) => Promise<ActionResult<unknown>>;
  defaults?: SiteFormDefaults;
  siteId?: string;
  submitLabel: string;
  cancelHref: string;
  /** From the server: Node and browsers name some countries differently (hydration). */
  countries: { code: string; name: string }[];
};

const prepare = (fields: Record<string, unknown>) => {
  // The hidden siteId says which site; it is not one of the site's facts.
  const rest = { ...fields };
  delete rest.siteId;
  return unflatten(rest);
};

/** Text for an input: what the user typed after a failed submission, else the stored value. */
function pick(values: FormValues | undefined, key: string, fallback: string | number | null | undefined): string {
  const typed = values?.[key];
  if (typed !== undefined) return Array.isArray(typed) ? typed.join(", ") : typed;
  return fallback === null || fallback === undefined ? "" : String(fallback);
}

export function SiteForm({ action, defaults, siteId, submitLabel, cancelHref, countries }: Props) {
  const [state, formAction] = useActionState(action, null);
  const { clientErrors, onSubmit } = useClientValidation(siteSchema, prepare);
  const failed = state && !state.ok ? state : null;
  const errors: Record<string, string | undefined> = { ...failed?.fields, ...clientErrors };
  const values = failed?.values;
  const v = (key: string, fallback: string | number | null | undefined) => pick(values, key, fallback);

  const [mix, setMix] = useState(() =>
    Object.fromEntries(POWER_SOURCE_KEYS.map((k) => [k, v(`powerMix.${k}`, defaults?.powerMix[k] || "")])) as Record<string, string>,
  );
  const total = Object.values(mix).reduce((sum, x) => sum + (Number(x) || 0), 0);
  const [description, setDescription] = useState(() => v("description", defaults?.description));
  const [preview, setPreview] = useState(false);
  const typedCooling = values?.coolingTypes;
  const cooling = typedCooling === undefined ? (defaults?.coolingTypes ?? []) : Array.isArray(typedCooling) ? typedCooling : [typedCooling];
  const mixError = errors.powerMix ?? POWER_SOURCE_KEYS.map((k) => errors[`powerMix.${k}`]).find(Boolean);
  const hasErrors = failed && !Object.keys(clientErrors).length;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-8">
      {siteId && <input type="hidden" name="siteId" value={siteId} />}
      {hasErrors && <Alert tone="error">{failed.error}</Alert>}

      <FormSection title="Location" description="Where the site is. Buyers filter by country; the map shows the pin.">
        <Field label="Site name" name="name" required defaultValue={v("name", defaults?.name)} error={errors.name} className="sm:col-span-2" />
        <SelectField label="Country" name="country" defaultValue={v("country", defaults?.country)} error={errors.country}>
          <option value="">Choose a country…</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Field label="Region or state" name="region" defaultValue={v("region", defaults?.region)} error={errors.region} placeholder="e.g. West Texas" />
        <div className="sm:col-span-2">
          <CoordinatePicker
            defaultLat={numberOr(v("latitude", defaults?.latitude))}
            defaultLon={numberOr(v("longitude", defaults?.longitude))}
            latError={errors.latitude}
            lonError={errors.longitude}
          />
        </div>
      </FormSection>

      <FormSection title="Power" description="What AI tenants ask about first. Changing these facts clears the verified badge until an admin reviews them again.">
        <Field label="Energized today (MW)" name="energizedMw" type="number" step="0.001" min="0" inputMode="decimal" defaultValue={v("energizedMw", defaults?.energizedMw)} error={errors.energizedMw} />
        <Field label="Planned additional (MW)" name="plannedMw" type="number" step="0.001" min="0" inputMode="decimal" defaultValue={v("plannedMw", defaults?.plannedMw || "")} error={errors.plannedMw} hint="Leave empty if nothing more is planned." />
        <Field label="Planned energization date" name="plannedEnergizationDate" type="date" defaultValue={v("plannedEnergizationDate", defaults?.plannedEnergizationDate)} error={errors.plannedEnergizationDate} />
        <SelectField label="Interconnection status" name="interconnectionStatus" defaultValue={v("interconnectionStatus", defaults?.interconnectionStatus ?? "energized")} error={errors.interconnectionStatus}>
          {INTERCONNECTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {INTERCONNECTION_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <Field label="Interconnection voltage (kV)" name="interconnectionVoltageKv" type="number" min="1" inputMode="numeric" defaultValue={v("interconnectionVoltageKv", defaults?.interconnectionVoltageKv)} error={errors.interconnectionVoltageKv} />
        <Field label="Expected curtailment (hours per year)" name="curtailmentHoursPerYear" type="number" min="0" max="8760" inputMode="numeric" defaultValue={v("curtailmentHoursPerYear", defaults?.curtailmentHoursPerYear)} error={errors.curtailmentHoursPerYear} hint="Demand response and grid emergencies." />
        <fieldset className="sm:col-span-2" aria-describedby="power-mix-total">
          <legend className="text-sm font-medium text-slate-800">Power sources (% of supply)</legend>
          <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {POWER_SOURCE_KEYS.map((key) => (
              <Field
                key={key}
                label={SOURCE_LABELS[key]}
                name={`powerMix.${key}`}
                type="number"
                min="0"
                max="100"
                inputMode="numeric"
                value={mix[key]}
                onChange={(e) => setMix((m) => ({ ...m, [key]: e.target.value }))}
                error={errors[`powerMix.${key}`]}
              />
            ))}
          </div>
          <p id="power-mix-total" aria-live="polite" className={`mt-2 text-sm font-medium tabular-nums ${total === 100 ? "text-emerald-700" : "text-amber-800"}`}>
            Total: {total} %{total === 100 ? " ✓" : " — the shares must add up to 100 %"}
          </p>
          {mixError && <p className="mt-1 text-sm text-red-700">{mixError}</p>}
        </fieldset>
      </FormSection>

      <FormSection title="Cooling and facility">
        <fieldset className="sm:col-span-2" aria-describedby={errors.coolingTypes ? "cooling-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Cooling the site offers</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {COOLING_TYPES.map((c) => (
              <label key={c} className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-ink-900 has-[:checked]:bg-slate-50">
                <input type="checkbox" name="coolingTypes" value={c} defaultChecked={cooling.includes(c)} className="h-4 w-4 accent-ink-900" />
                {COOLING_LABELS[c]}
              </label>
            ))}
          </div>
          {errors.coolingTypes && (
            <p id="cooling-error" className="mt-1.5 text-sm text-red-700">
              {errors.coolingTypes}
            </p>
          )}
        </fieldset>
        <Field label="PUE" name="pue" type="number" step="0.01" min="1" max="3" inputMode="decimal" defaultValue={v("pue", defaults?.pue)} error={errors.pue} hint="Power usage effectiveness: 1.03–1.10 for immersion, 1.2–1.5 for air-cooled halls." />
        <SelectField label="Redundancy" name="redundancy" defaultValue={v("redundancy", defaults?.redundancy ?? "N+1")} error={errors.redundancy}>
          {REDUNDANCY.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <Field label="Floor loading (kg/m²)" name="floorLoadingKgPerM2" type="number" min="1" inputMode="numeric" defaultValue={v("floorLoadingKgPerM2", defaults?.floorLoadingKgPerM2)} error={errors.floorLoadingKgPerM2} />
        <SelectField label="Water availability" name="waterAvailability" defaultValue={v("waterAvailability", defaults?.waterAvailability ?? "none")} error={errors.waterAvailability}>
          {WATER_AVAILABILITY.map((w) => (
            <option key={w} value={w}>
              {w[0]!.toUpperCase() + w.slice(1)}
            </option>
          ))}
        </SelectField>
      </FormSection>

      <FormSection title="Network and security">
        <Field label="Uplink (Gbps)" name="uplinkGbps" type="number" min="0" inputMode="numeric" defaultValue={v("uplinkGbps", defaults?.uplinkGbps)} error={errors.uplinkGbps} />
        <Field label="Fiber carriers" name="fiberCarriers" type="number" min="0" inputMode="numeric" defaultValue={v("fiberCarriers", defaults?.fiberCarriers)} error={errors.fiberCarriers} />
        <TextareaField label="Security" name="security" rows={3} defaultValue={v("security", defaults?.security)} error={errors.security} hint="Guards, cameras, access control, fencing." className="sm:col-span-2" />
        <TextareaField label="Certifications" name="certifications" rows={2} defaultValue={v("certifications", defaults?.certifications.join("\n"))} error={errors.certifications} hint="One per line, e.g. SOC 2 Type II." className="sm:col-span-2" />
      </FormSection>

      <FormSection title="Description" description="Markdown: **bold**, lists, links. HTML is not rendered.">
        <div className="sm:col-span-2">
          <div className="mb-2 flex gap-2" role="group" aria-label="Description view">
            <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)} className="rounded-md px-3 py-1 text-sm aria-pressed:bg-slate-200">
              Write
            </button>
            <button type="button" aria-pressed={preview} onClick={() => setPreview(true)} className="rounded-md px-3 py-1 text-sm aria-pressed:bg-slate-200">
              Preview
            </button>
          </div>
          <div className={preview ? "hidden" : undefined}>
            <TextareaField label="Description" name="description" rows={8} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
          </div>
          {preview && <div className="min-h-48 rounded-md border border-slate-200 bg-white p-4">{description.trim() ? <Markdown>{description}</Markdown> : <p className="text-sm text-slate-500">Nothing to preview yet.</p>}</div>}
        </div>
      </FormSection>

      <div className="flex justify-end gap-3 border-t border-slate-200 pt-6">
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
        <SubmitButton pendingLabel="Saving…" className="min-w-40">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

function numberOr(value: string): number | undefined {
  return value === "" || Number.isNaN(Number(value)) ? undefined : Number(value);
}
