/** Firm or interruptible, with what interruptible means for the tenant. */
export function InterruptibleField({ defaultChecked, error }: { defaultChecked: boolean; error?: string }) {
  return (
    <div className="sm:col-span-2">
      <div className="flex gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <input
          id="field-interruptible"
          type="checkbox"
          name="interruptible"
          defaultChecked={defaultChecked}
          aria-describedby={`field-interruptible-hint${error ? " field-interruptible-error" : ""}`}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-ink-900"
        />
        <div>
          <label htmlFor="field-interruptible" className="text-sm font-medium text-slate-800">
            Interruptible
          </label>
          <p id="field-interruptible-hint" className="mt-0.5 text-xs text-slate-600">
            You may curtail this capacity in grid emergencies or demand-response events. Tenants see it as interruptible, with the site&apos;s
            expected curtailment hours, and usually pay less for it. Leave it unticked for firm capacity.
          </p>
          {error && (
            <p id="field-interruptible-error" className="mt-1 text-sm text-red-700">
              {error}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
