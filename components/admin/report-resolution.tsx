"use client";

import { resolveReportAction } from "@/app/(app)/admin/reports/actions";
import { ReportResolutionForm } from "@/components/moderation/report-resolution-form";
import { resolveReportFormSchema } from "./moderation-schemas";

const noteSchema = resolveReportFormSchema.omit({ outcome: true });

/** Resolve (the report was right) or dismiss a listing report, with a note for the audit log; optionally unpublish. */
export function ReportResolution({ reportId, listingTitle, canUnpublish }: { reportId: string; listingTitle: string; canUnpublish: boolean }) {
  const id = `report-${reportId}`;
  return (
    <ReportResolutionForm
      reportId={reportId}
      action={resolveReportAction}
      noteSchema={noteSchema}
      idPrefix="report"
      hint="Kept with the report and in the audit log."
      label={`Handle the report on “${listingTitle}”`}
      extraFields={(values) =>
        canUnpublish && (
          <div className="flex items-start gap-2">
            <input
              id={`${id}-unpublish`}
              type="checkbox"
              name="unpublish"
              defaultChecked={values?.unpublish === "on"}
              aria-describedby={`${id}-unpublish-hint`}
              className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-red-700"
            />
            <div>
              <label htmlFor={`${id}-unpublish`} className="text-sm font-medium text-slate-800">
                Unpublish the listing
              </label>
              <p id={`${id}-unpublish-hint`} className="text-xs text-slate-600">
                Takes it out of search and off its public page at once; existing bookings are unaffected.
              </p>
            </div>
          </div>
        )
      }
    />
  );
}
