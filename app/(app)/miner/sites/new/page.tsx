import type { Metadata } from "next";
import { SiteForm } from "@/components/sites/site-form";
import { COUNTRIES } from "@/lib/countries";
import { requirePageUser } from "@/lib/auth/guards";
import { createSiteAction } from "../actions";

export const metadata: Metadata = { title: "Add a site" };

export default async function NewSitePage() {
  await requirePageUser("/miner/sites/new", "miner");
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Add a site</h1>
      <p className="mt-1 mb-8 max-w-2xl text-sm text-slate-600">
        Facts about the facility. Listings at this site inherit them, and buyers compare sites by them. You can add photos once the site is saved.
      </p>
      <SiteForm action={createSiteAction} submitLabel="Save site" cancelHref="/miner/sites" countries={COUNTRIES} />
    </>
  );
}
