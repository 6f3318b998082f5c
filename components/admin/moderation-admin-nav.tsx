import { SectionNav } from "@/components/ui/section-nav";

const SECTIONS = [
  { href: "/admin/listings", label: "Queue" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/messages", label: "Reported messages" },
  { href: "/admin/reviews", label: "Reviews" },
  { href: "/admin/sites", label: "Sites" },
  { href: "/admin/organizations", label: "Organizations" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/metrics", label: "Metrics" },
] as const;

/** The admin area's sections. */
export function AdminNav() {
  return <SectionNav label="Admin" sections={SECTIONS} />;
}
