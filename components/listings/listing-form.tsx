"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, type ChangeEvent } from "react";
import { createListingAction, updateListingAction } from "@/app/(app)/miner/listings/actions";
import { MiningVsHosting } from "@/components/calculators/mining-vs-hosting";
import { SubmitButton } from "@/components/forms/submit-button";
import { useClientValidation } from "@/components/forms/use-client-validation";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormSection } from "@/components/ui/fieldset";
import type { ListingStatus } from "@/lib/domain/listing-lifecycle";
import { COOLING_LABELS, formatKw } from "@/lib/format";
import { MAX_AIR_KW_PER_RACK } from "@/lib/validations/listing";
import { COOLING_TYPES } from "@/lib/validations/site";
import { listingFormSchema, prepareListingFields, priceMessage, typedPriceCents } from "./listing-form-fields";
import { InterruptibleField } from "./interruptible-field";
import { MarkdownField } from "./markdown-field";
import { capacityHint, coolingList, SiteSummary, type SiteChoice } from "./site-choice";

/** Form values by field name, as strings (the price in dollars, the checkbox as "on"). */
export type ListingFormValues = Record<string, string>;

type Props =
  | { mode: "create"; sites: SiteChoice[]; initial: ListingFormValues }
  | { mode: "edit"; sites: SiteChoice[]; initial: ListingFormValues; listingId: string; status: ListingStatus; cancelHref: string };

export function ListingForm(props: Props) {
  const { mode, sites, initial } = props;
  const [state, formAction] = useActionState(mode === "create" ? createListingAction : updateListingAction, null);
  const failed = state && !state.ok ? state : null;
  // Every field is uncontrolled with the last submitted value as its default: React resets a
  // form after its action, and only defaults survive that (a controlled select does not).
  const value = (name: string) => {
    const echoed = failed?.values?.[name];
    return (Array.isArray(echoed) ? echoed[0] : echoed) ?? initial[name] ?? "";
  };
  // Fields that drive hints and the calculator mirror what is typed into `live`.
  const [live, setLive] = useState<ListingFormValues>(() => ({ ...initial }));
  const track = (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setLive((current) => ({ ...current, [event.target.name]: event.target.value }));
  const siteId = live.siteId ?? "";
  const cooling = live.cooling ?? "";
  const price = live.price ?? "";
  const site = sites.find((s) => s.id === siteId);
  const { clientErrors, onSubmit } = useClientValidation(listingFormSchema(mode, site), prepareListingFields);
  const fields = { ...failed?.fields, ...clientErrors };
  // An unticked checkbox is not sent at all, so after a failure its absence means "unticked".
  const interruptible = failed ? failed.values?.interruptible === "on" : initial.interruptible === "on";

  const form = useRef<HTMLFormElement>(null);
  // The shared hook focuses a field by its schema name; the price's is not the input's.
  useEffect(() => {
    const active = document.activeElement;
    if (active?.getAttribute("aria-invalid") === "true") return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [clientErrors, state]);

  const capacityKw = Number(live.capacityKw);
  const densityKw = Number(live.maxKwPerRack);
  const rackCount = Number(live.rackCount);
  const denseAir = cooling === "air" && densityKw > MAX_AIR_KW_PER_RACK;
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} noValidate className="space-y-8">
      {failed && !hasClientErrors && (
        <Alert tone="error" title={failed.error}>
          {fields._}
        </Alert>
      )}
      {mode === "edit" && (props.status === "published" || props.status === "paused") && (
        <Alert tone="info" title="Some changes send this listing back to review">
          Changing the capacity, price, dates or cooling of a {props.status} listing takes it out of search until an admin approves it again.
          The title, density, racks, minimum term, deposit and description can change freely.
        </Alert>
      )}

      {mode === "create" ? (
        <FormSection title="Site" description="Where the capacity is. Its power, cooling and network facts appear on the listing.">
          <SelectField
            label="Site"
            name="siteId"
            // React applies a select's defaultValue only when it mounts: a new value remounts it.
            key={value("siteId")}
            defaultValue={value("siteId")}
            onChange={track}
            error={fields.siteId}
            className="sm:col-span-2"
          >
            <option value="">Choose a site…</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.region}, {s.countryName})
              </option>
            ))}
          </SelectField>
          <div className="sm:col-span-2">
            <SiteSummary site={site} />
          </div>
        </FormSection>
      ) : (
        <input type="hidden" name="listingId" value={props.listingId} />
      )}

      <FormSection title="Capacity and cooling" description="What an AI team gets: power, cooling and the racks to put it in.">
        <Field
          label="Title"
          name="title"
          defaultValue={value("title")}
          maxLength={140}
          placeholder="e.g. 20 MW direct-to-chip hall for GB200 racks"
          hint="What and where, in a line. Buyers see it in search results."
          error={fields.title}
          className="sm:col-span-2"
        />
        <Field
          label="Capacity (kW)"
          name="capacityKw"
          inputMode="numeric"
          defaultValue={value("capacityKw")}
          onChange={track}
          hint={capacityHint(site, capacityKw)}
          error={fields.capacityKw}
        />
        <SelectField
          label="Cooling"
          name="cooling"
          // React applies a select's defaultValue only when it mounts: a new value remounts it.
          key={value("cooling")}
          defaultValue={value("cooling")}
          onChange={track}
          hint={site ? `${site.name} offers ${coolingList(site.coolingTypes)} cooling.` : "Each site offers its own cooling types."}
          error={fields.cooling}
        >
          <option value="">Choose cooling…</option>
          {COOLING_TYPES.map((type) => (
            <option key={type} value={type}>
              {COOLING_LABELS[type]}
              {site && !site.coolingTypes.includes(type) ? " (not offered at this site)" : ""}
            </option>
          ))}
        </SelectField>
        <Field
          label="Max kW per rack"
          name="maxKwPerRack"
          inputMode="numeric"
          defaultValue={value("maxKwPerRack")}
          onChange={track}
          hint={
            denseAir
              ? `Air cooling tops out around ${MAX_AIR_KW_PER_RACK} kW per rack: choose hydro, direct liquid or immersion for denser racks.`
              : `Air cooling tops out around ${MAX_AIR_KW_PER_RACK} kW per rack; GB200-class racks draw 120–132 kW and need liquid.`
          }
          error={fields.maxKwPerRack}
        />
        <Field
          label="Rack count"
          name="rackCount"
          inputMode="numeric"
          defaultValue={value("rackCount")}
          onChange={track}
          hint={
            rackCount > 0 && densityKw > 0
              ? `${rackCount.toLocaleString("en-US")} racks × ${densityKw} kW hold ${formatKw(rackCount * densityKw)}${capacityKw > 0 ? ` (the capacity is ${formatKw(capacityKw)})` : ""}.`
              : "Enough racks at that density to hold the capacity."
          }
          error={fields.rackCount}
        />
      </FormSection>

      <FormSection title="Price and terms" description="All-in price per kW of contracted capacity per month, and the window tenants can book.">
        <Field
          label="Price (USD per kW-month)"
          name="price"
          inputMode="decimal"
          defaultValue={value("price")}
          onChange={track}
          placeholder="e.g. 135.00"
          hint="AI tenants pay about $120–185 per kW-month (CBRE 2024; AI leases at former mining sites)."
          error={priceMessage(fields.priceCentsPerKwMonth, price)}
        />
        <Field
          label="Deposit (% of the first month)"
          name="depositPercent"
          inputMode="numeric"
          defaultValue={value("depositPercent")}
          hint="Authorized when a tenant reserves and captured when you accept; 5–100 %."
          error={fields.depositPercent}
        />
        <Field
          label="Available from"
          name="availableFrom"
          type="date"
          defaultValue={value("availableFrom")}
          hint="The first day a tenant can start."
          error={fields.availableFrom}
        />
        <Field
          label="Available until"
          name="availableUntil"
          type="date"
          defaultValue={value("availableUntil")}
          hint="Bookings end on or before this day."
          error={fields.availableUntil}
        />
        <Field
          label="Minimum term (months)"
          name="minTermMonths"
          inputMode="numeric"
          defaultValue={value("minTermMonths")}
          hint="The shortest booking you accept; it must fit in the window."
          error={fields.minTermMonths}
        />
        <InterruptibleField defaultChecked={interruptible} error={fields.interruptible} />
      </FormSection>

      <MiningVsHosting priceCentsPerKwMonth={typedPriceCents(price)} pue={site?.pue} />

      <FormSection title="Description" description="Rack layout, power distribution, network, access and anything a tenant asks about first.">
        <div className="sm:col-span-2">
          <MarkdownField
            label="Description"
            name="description"
            defaultValue={value("description")}
            onChange={(text) => setLive((current) => ({ ...current, description: text }))}
            maxLength={20_000}
            hint="Markdown: **bold**, lists, links and tables. HTML is not rendered."
            error={fields.description}
          />
        </div>
      </FormSection>

      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-end">
        <Link href={mode === "edit" ? props.cancelHref : "/miner/listings"} className={buttonClass({ variant: "ghost" })}>
          Cancel
        </Link>
        {mode === "create" ? (
          <SubmitButton pendingLabel="Saving draft…" className="sm:w-auto">
            Save as draft
          </SubmitButton>
        ) : (
          <SubmitButton pendingLabel="Saving…" className="sm:w-auto">
            Save changes
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
