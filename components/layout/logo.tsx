import Link from "next/link";

export function Logo({ inverted = false }: { inverted?: boolean }) {
  return (
    <Link href="/" className="inline-flex items-center gap-2 rounded-md font-semibold tracking-tight" aria-label="Substation home">
      <svg viewBox="0 0 24 24" className="h-7 w-7" aria-hidden="true">
        <rect width="24" height="24" rx="6" className="fill-ink-900" />
        <path d="M13.5 3.5 6.5 13h4.5l-1 7.5 7.5-10H13l.5-7Z" className="fill-volt-400" />
      </svg>
      <span className={inverted ? "text-white" : "text-slate-900"}>Substation</span>
    </Link>
  );
}
