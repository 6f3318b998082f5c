"use client";

import { ChevronDown, SlidersHorizontal } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, SelectField } from "@/components/ui/field";
import { COOLING_LABELS } from "@/lib/format";
import { COOLING_TYPES } from "@/lib/validations/site";
import { CheckboxGroup, RadioGroup } from "./choice-group";
import { activeFilterCount, queryFromValues, sameQuery, searchErrors, searchHref, valuesFromQuery, type FilterValues } from "./filter-values";
import { SearchLink, useSearchNavigation } from "./search-navigation";

// Long enough to wait for the next keystroke, short enough to feel live.
const TYPING_DELAY_MS = 300;

/** The filter form. Every valid change becomes the URL; the page's results follow the URL. */
export function SearchFilters({ countries }: { countries: { code: string; name: string }[] }) {
  const searchParams = useSearchParams();
  const urlQuery = searchParams.toString();
  const { navigate } = useSearchNavigation();
  const [values, setValues] = useState(() => valuesFromQuery(searchParams));
  const [seenQuery, setSeenQuery] = useState(urlQuery);
  const [sentQuery, setSentQuery] = useState(urlQuery);
  // The text field whose edit made the last history entry: more typing there replaces it.
  const [typingIn, setTypingIn] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The URL moved without this form (Back, a suggestion, sort or page): show what it says now.
  if (urlQuery !== seenQuery) {
    setSeenQuery(urlQuery);
    if (!sameQuery(urlQuery, sentQuery)) {
      setValues(valuesFromQuery(searchParams));
      setSentQuery(urlQuery);
      setTypingIn(null);
    }
  }

  const errors = searchErrors(queryFromValues(values, searchParams));
  const hasWindow = Boolean(values.from && values.to);
  const oneDate = Boolean(values.from) !== Boolean(values.to);
  const count = activeFilterCount(values);

  function apply(next: FilterValues, typedField: string | null) {
    const query = queryFromValues(next, searchParams);
    // Compared with the last URL asked for, not the shown one: that may still be loading.
    if (Object.keys(searchErrors(query)).length || sameQuery(query, sentQuery)) return;
    setSentQuery(query.toString());
    setTypingIn(typedField);
    navigate(searchHref(query), { replace: typedField !== null && typedField === typingIn });
  }

  function change(patch: Partial<FilterValues>, typed = false) {
    const next = { ...values, ...patch };
    setValues(next);
    clearTimeout(timer.current);
    const field = Object.keys(patch)[0] ?? null;
    if (typed) timer.current = setTimeout(() => apply(next, field), TYPING_DELAY_MS);
    else apply(next, null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(timer.current);
    apply(values, null);
    setOpen(false);
  }

  function typed(event: ChangeEvent<HTMLInputElement>) {
    change({ [event.target.name]: event.target.value }, true);
  }

  const text = (key: "q" | "minKw" | "maxPrice" | "minDensity" | "renewableMin" | "from" | "to") => ({
    name: key,
    value: values[key],
    error: key === "maxPrice" && errors.maxPrice ? "Enter the price in dollars per kW-month, like 150." : errors[key],
  });

  return (
    <div>
      <Button variant="secondary" className="w-full lg:hidden" aria-expanded={open} aria-controls="search-filters" onClick={() => setOpen(!open)}>
        <SlidersHorizontal className="h-4 w-4" aria-hidden="true" />
        Filters{count > 0 && ` (${count})`}
        <ChevronDown className={cn("h-4 w-4 transition-transform", open && "rotate-180")} aria-hidden="true" />
      </Button>
      <form
        id="search-filters"
        role="search"
        aria-label="Filters"
        noValidate
        onSubmit={submit}
        className={cn("mt-3 space-y-5 rounded-xl border border-slate-200 bg-white p-4 shadow-sm lg:mt-0 lg:block", !open && "hidden")}
      >
        <Field label="Keywords" type="search" placeholder="Site, region, hall type…" autoComplete="off" {...text("q")} onChange={typed} />
        <SelectField label="Country" name="country" value={values.country} error={errors.country} onChange={(e) => change({ country: e.target.value })}>
          <option value="">Any country</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <CheckboxGroup
          legend="Cooling"
          name="cooling"
          choices={COOLING_TYPES.map((c) => ({ value: c, label: COOLING_LABELS[c] }))}
          checked={values.cooling}
          error={errors.cooling}
          onChange={(cooling) => change({ cooling })}
        />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">Dates</legend>
          <Field label="From" type="date" {...text("from")} onChange={typed} />
          <Field label="To" type="date" min={values.from || undefined} {...text("to")} onChange={typed} />
          <p className="text-xs text-slate-600">
            {oneDate ? "Set both dates to see what is free between them." : "Listings must offer the whole window, with a minimum term that fits it."}
          </p>
        </fieldset>
        <Field
          label={
            <>
              Minimum kW <span className="font-normal text-slate-600">{hasWindow ? "free over your dates" : "of capacity"}</span>
            </>
          }
          inputMode="numeric"
          placeholder="e.g. 2000"
          hint={hasWindow ? "Counts holds and bookings on the busiest day of the window." : "Set dates to count only the kW still free."}
          {...text("minKw")} onChange={typed}
        />
        <Field label="Maximum price ($ per kW-month)" inputMode="decimal" placeholder="e.g. 150" {...text("maxPrice")} onChange={typed} />
        <Field label="Minimum rack density (kW per rack)" inputMode="numeric" placeholder="e.g. 40" {...text("minDensity")} onChange={typed} />
        <Field label="Minimum renewable share (%)" inputMode="numeric" placeholder="0–100" {...text("renewableMin")} onChange={typed} />
        <RadioGroup
          legend="Curtailment"
          name="interruptible"
          value={values.interruptible}
          onChange={(interruptible) => change({ interruptible })}
          choices={[
            { value: "", label: "Firm or interruptible" },
            { value: "false", label: "Firm only" },
            { value: "true", label: "Interruptible only" },
          ]}
          hint="Interruptible capacity may be curtailed in grid emergencies, and usually costs less."
        />
        <RadioGroup
          legend="Power redundancy"
          name="redundancy"
          value={values.redundancy}
          onChange={(redundancy) => change({ redundancy })}
          choices={[
            { value: "", label: "Any" },
            { value: "N+1", label: "N+1 or better" },
            { value: "2N", label: "2N" },
          ]}
        />
        <RadioGroup
          legend="Miner's rating"
          name="minRating"
          value={values.minRating}
          onChange={(minRating) => change({ minRating })}
          choices={[
            { value: "", label: "Any, reviewed or not" },
            { value: "4.5", label: "4.5 and up" },
            { value: "4", label: "4 and up" },
            { value: "3", label: "3 and up" },
          ]}
          hint="The average of AI teams' reviews after completed bookings."
        />
        <label className="flex cursor-pointer items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="verified" checked={values.verified} onChange={(e) => change({ verified: e.target.checked })} className="h-4 w-4 rounded border-slate-400 accent-slate-900" />
          Verified sites only
        </label>
        <div className="flex items-center justify-between gap-3 border-t border-slate-100 pt-4">
          <SearchLink href={searchHref(queryFromValues(valuesFromQuery(new URLSearchParams()), searchParams))} className="text-sm font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900">
            Clear filters
          </SearchLink>
          <Button type="submit" size="sm">
            Show results
          </Button>
        </div>
      </form>
    </div>
  );
}
