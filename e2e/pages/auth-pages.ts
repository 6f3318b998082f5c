import { expect, type Page } from "@playwright/test";
import { mailedLink } from "../support/mail";

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async open(kind?: "miner" | "buyer") {
    await this.page.goto(kind ? `/sign-up?kind=${kind}` : "/sign-up");
    await expect(this.page.getByRole("heading", { name: "Create your Substation account" })).toBeVisible();
  }

  async fill(values: { kind?: "miner" | "buyer"; name: string; organization: string; email: string; password: string }) {
    if (values.kind) {
      await this.page.getByText(values.kind === "miner" ? "I offer capacity" : "I need capacity").click();
    }
    await this.page.getByLabel("Your name").fill(values.name);
    await this.page.getByLabel(/Mining company|AI team or company|Organization/).fill(values.organization);
    await this.page.getByLabel("Work email").fill(values.email);
    await this.page.getByLabel("Password").fill(values.password);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  /**
   * A whole new account as a person makes it: sign up, follow the mailed link to confirm the
   * address, sign in. Ends on the dashboard.
   */
  async createAccount(values: { kind?: "miner" | "buyer"; name: string; organization: string; email: string; password: string }) {
    await this.fill(values);
    await this.submit();
    await expect(this.page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    await this.page.goto(await mailedLink(values.email, "/verify-email"));
    await this.page.getByRole("button", { name: "Confirm email address" }).click();
    await expect(this.page.getByText("Your email address is confirmed")).toBeVisible();
    const signIn = new SignInPage(this.page);
    await signIn.open();
    await signIn.signIn(values.email, values.password);
    await expect(this.page).toHaveURL(/\/dashboard/);
  }
}

export class SignInPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/sign-in");
    await expect(this.page.getByRole("heading", { name: "Sign in to Substation" })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}
