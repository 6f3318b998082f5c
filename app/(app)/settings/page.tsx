import { redirect } from "next/navigation";

// API tokens are the only settings so far; the section opens on them.
export default function SettingsPage(): never {
  redirect("/settings/tokens");
}
