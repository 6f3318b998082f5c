import { expect, type Page } from "@playwright/test";

export type SiteValues = {
  name: string;
  country: string;
  region: string;
  latitude: string;
  longitude: string;
  energizedMw: string;
  mix: Partial<Record<"Hydro" | "Wind" | "Solar" | "Nuclear" | "Natural gas" | "Flare gas" | "Grid (mixed)", string>>;
  cooling: string[];
  pue: string;
};

export class SiteFormPage {
  constructor(private readonly page: Page) {}

  async openNew() {
    await this.page.goto("/miner/sites/new");
    await expect(this.page.getByRole("heading", { name: "Add a site" })).toBeVisible();
  }

  async fill(values: SiteValues) {
    const p = this.page;
    await p.getByLabel("Site name").fill(values.name);
    await p.getByLabel("Country").selectOption(values.country);
    await p.getByLabel("Region or state").fill(values.region);
    await p.getByLabel("Latitude").fill(values.latitude);
    await p.getByLabel("Longitude").fill(values.longitude);
    await p.getByLabel("Energized today (MW)").fill(values.energizedMw);
    for (const [source, share] of Object.entries(values.mix)) {
      await p.getByLabel(source, { exact: true }).fill(share);
    }
    for (const cooling of values.cooling) await p.getByLabel(cooling, { exact: true }).check();
    await p.getByLabel("PUE").fill(values.pue);
  }

  async save() {
    await this.page.getByRole("button", { name: /Save site|Save changes/ }).click();
  }
}
