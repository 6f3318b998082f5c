import { expect, test } from "@playwright/test";
import { SignUpPage } from "./pages/auth-pages";
import { SiteFormPage } from "./pages/site-form";

// A 1×1 PNG: a real image, checked by its bytes on the server.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("a new miner signs up, adds a site with a photo, creates and submits a listing, and sees every bad input explained", async ({ page }) => {
  const email = `site-miner-${Date.now()}@example.test`;
  const signUp = new SignUpPage(page);
  await signUp.open("miner");
  await signUp.createAccount({ name: "Ingrid Solberg", organization: "Fjord Hash AS", email, password: "northern lights compute" });
  await expect(page.getByRole("heading", { name: "Add your first site" })).toBeVisible();
  await page.getByRole("link", { name: "Add a site" }).click();

  const form = new SiteFormPage(page);
  await expect(page.getByRole("heading", { name: "Add a site" })).toBeVisible();
  await form.fill({
    name: "Tromsø Hydro Hall",
    country: "NO",
    region: "Troms",
    latitude: "69.65",
    longitude: "18.96",
    energizedMw: "24",
    mix: { Hydro: "90", Wind: "5" },
    cooling: ["Air", "Immersion"],
    pue: "1.08",
  });
  // The shares add up to 95 %: explained before anything is sent.
  await expect(page.getByText("Total: 95 % — the shares must add up to 100 %")).toBeVisible();
  await form.save();
  await expect(page.getByText("The power sources must add up to 100 % (they add up to 95 %).")).toBeVisible();
  await expect(page).toHaveURL(/\/miner\/sites\/new/);

  await page.getByLabel("Grid (mixed)", { exact: true }).fill("5");
  await expect(page.getByText("Total: 100 % ✓")).toBeVisible();
  await form.save();
  await expect(page.getByRole("heading", { name: "Tromsø Hydro Hall" })).toBeVisible();
  await expect(page.getByText("Site saved")).toBeVisible();
  await expect(page.getByText("Hydro 90 %")).toBeVisible();

  // A text file dressed up as a PNG is refused by its content.
  await page.getByLabel("Add a photo").setInputFiles({ name: "hall.png", mimeType: "image/png", buffer: Buffer.from("not really an image") });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByText("Upload a JPEG, PNG or WebP image. hall.png is not one.")).toBeVisible();
  await expect(page.getByText("0 of 10 photos")).toBeVisible();

  await page.getByLabel("Add a photo").setInputFiles({ name: "hall.png", mimeType: "image/png", buffer: PNG });
  await page.getByLabel("Caption (optional)").fill("Hall A, immersion tanks");
  await page.getByRole("button", { name: "Upload photo" }).click();
  const photo = page.getByRole("img", { name: "Hall A, immersion tanks" });
  await expect(photo).toBeVisible();
  const src = await photo.getAttribute("src");
  const served = await page.request.get(src!);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await served.body()).equals(PNG)).toBe(true);
  await expect(page.getByText("1 of 10 photos")).toBeVisible();

  // A listing from the site, with a mistake first: air cooling cannot carry 80 kW racks.
  await page.getByRole("link", { name: "Create a listing" }).first().click();
  await expect(page).toHaveURL(/\/miner\/listings\/new\?siteId=/);
  const from = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
  const until = new Date(Date.now() + 800 * 864e5).toISOString().slice(0, 10);
  await page.getByLabel("Title").fill("Tromsø immersion hall, 4 MW");
  await page.getByLabel("Capacity (kW)").fill("4000");
  await page.getByLabel("Cooling").selectOption("air");
  await page.getByLabel("Max kW per rack").fill("80");
  await page.getByLabel("Rack count").fill("50");
  await page.getByLabel("Price (USD per kW-month)").fill("128.50");
  await page.getByLabel("Deposit (% of the first month)").fill("20");
  await page.getByLabel("Available from").fill(from);
  await page.getByLabel("Available until").fill(until);
  await page.getByLabel("Minimum term (months)").fill("12");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText(/Air cooling carries at most about 40 kW per rack/)).toBeVisible();

  await page.getByLabel("Cooling").selectOption("immersion");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("heading", { name: "Tromsø immersion hall, 4 MW" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("In review").first()).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Listings by status" })).toBeVisible();
  await expect(page.getByRole("main").getByText("In review", { exact: true })).toBeVisible();
});
