import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getSite } from "@/db/queries/sites";
import { SiteForm } from "@/components/sites/site-form";
import { COUNTRIES } from "@/lib/countries";
import { requirePageUser } from "@/lib/auth/guards";
import { actorOf } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { updateSiteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit site" };

export default async function EditSitePage({ params }: PageProps<"/miner/sites/[id]/edit">) {
  const { id } = await params;
  const user = await requirePageUser(`/miner/sites/${id}/edit`, "miner");
  const site = await getSite(await getDb(), actorOf(user), id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Edit {site.name}</h1>
      <p className="mt-1 mb-8 max-w-2xl text-sm text-slate-600">
        {site.verified
          ? "This site is verified. Changing its power or cooling facts removes the badge until an admin reviews the site again."
          : "Changes show on every listing at this site at once."}
      </p>
      <SiteForm action={updateSiteAction} siteId={site.id} defaults={site} submitLabel="Save changes" cancelHref={`/miner/sites/${site.id}`} countries={COUNTRIES} />
    </>
  );
}
