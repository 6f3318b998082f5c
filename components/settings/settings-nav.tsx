import { SectionNav, type NavSection } from "@/components/ui/section-nav";

/** The settings sections; admins have no organization and no API tokens. */
export function SettingsNav({ admin }: { admin: boolean }) {
  const sections: NavSection[] = [
    { href: "/settings", label: "Account", exact: true },
    { href: "/settings/security", label: "Two-factor sign-in" },
    ...(admin ? [] : [{ href: "/settings/organization", label: "Organization" }, { href: "/settings/tokens", label: "API tokens" }]),
  ];
  return <SectionNav label="Settings" sections={sections} />;
}
