import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-1 flex-col items-center justify-center px-4 py-24 text-center">
      <p className="text-sm font-semibold text-volt-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">We could not find that page</h1>
      <p className="mt-3 text-slate-600">It may have been moved, unpublished, or it may not be visible to your account.</p>
      <ButtonLink href="/" className="mt-8">Back to the marketplace</ButtonLink>
    </div>
  );
}
