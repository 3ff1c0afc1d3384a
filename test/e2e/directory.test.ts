import type { Browser, BrowserContext, Page } from "playwright-core";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

// Not a GIAS URN (those in the North West extract start with 1): this setting is new to the service.
const NEW_SETTING = { urn: "987654", name: "Fallowfield Autism Centre (test)" };

/** Adds the setting through the form, leaving out the description so that publishing first says what is missing. */
async function addSettingWithoutDescription(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Add a setting" }).click();
  await page.getByRole("heading", { level: 1, name: "Add a setting" }).waitFor();
  await checkAccessibility(page);
  await page.getByLabel("URN").fill(NEW_SETTING.urn);
  await page.getByLabel("Name", { exact: true }).fill(NEW_SETTING.name);
  await page.getByLabel("Lot 1: 0-16 day").check();
  await page.getByLabel("Youngest age").fill("5");
  await page.getByLabel("Oldest age").fill("16");
  await page.getByRole("group", { name: "Who does it admit?" }).getByLabel("Mixed").check();
  await page.getByRole("group", { name: "Day or residential" }).getByLabel("Day", { exact: true }).check();
  await page.getByLabel("Registered capacity").fill("40");
  await page.getByRole("group", { name: "Autistic spectrum disorder (ASD)" }).getByLabel("Specialist").check();
  await page.getByRole("group", { name: "Speech, language and communication needs (SLCN)" }).getByLabel("Supported").check();
  await page.getByLabel("Speech and language therapy").check();
  await page.getByLabel("1:1", { exact: true }).check();
  await page.getByLabel("Address line 1").fill("1 Wilmslow Road");
  await page.getByLabel("Town or city").fill("Manchester");
  await page.getByLabel("Postcode").fill("M14 5RG");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await page.getByRole("heading", { level: 1, name: NEW_SETTING.name }).waitFor();
  await page.getByText(`You added ${NEW_SETTING.name}`).waitFor();
  await checkAccessibility(page);
}

describeBrowser("Finding a setting with a vacancy", () => {
  let server: TestServer;
  let browser: Browser;
  let providerContext: BrowserContext;
  let commissionerContext: BrowserContext;
  let provider: Page;
  let commissioner: Page;
  let providerProblems: PageProblems;
  let commissionerProblems: PageProblems;
  let settingName: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    providerContext = await browser.newContext();
    provider = await providerContext.newPage();
    providerProblems = collectPageProblems(provider);
    commissionerContext = await browser.newContext();
    commissioner = await commissionerContext.newPage();
    commissionerProblems = collectPageProblems(commissioner);
  }, 120_000);

  afterAll(async () => {
    await providerContext?.close();
    await commissionerContext?.close();
    await browser?.close();
    await server?.close();
  });

  it("a provider administrator publishes a setting and says it has 2 vacancies", async () => {
    await signInAsDemoPerson(provider, server.url, "Provider administrator, Pennine Learning Trust (demo)");
    await provider.waitForURL(`${server.url}/provider`);
    await provider.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Your settings" }).click();
    await provider.getByRole("heading", { level: 1, name: "Your settings" }).waitFor();
    await provider.getByRole("link", { name: "Add a setting" }).waitFor();
    await provider.locator(".govuk-summary-card, p:has-text('You have no settings yet')").first().waitFor();
    await checkAccessibility(provider);

    settingName = NEW_SETTING.name;
    await addSettingWithoutDescription(provider);

    // Publishing an incomplete setting says what is missing.
    await provider.getByRole("button", { name: "Publish" }).click();
    const summary = provider.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Describe the setting for commissioners");
    await checkAccessibility(provider);

    await provider.getByRole("link", { name: "Complete the setting" }).click();
    await provider.getByRole("heading", { level: 1, name: `Edit ${NEW_SETTING.name}` }).waitFor();
    await provider
      .getByLabel("Description")
      .fill("A day school for autistic children and young people aged 5 to 16, with speech and language therapy on site.");
    await checkAccessibility(provider);
    await provider.getByRole("button", { name: "Save changes" }).click();
    await provider.getByText(`You saved the changes to ${NEW_SETTING.name}`).waitFor();

    await provider.getByRole("button", { name: "Publish" }).click();
    await provider.getByText(`${NEW_SETTING.name} is published`).waitFor();
    await provider.getByRole("button", { name: "Move back to draft" }).waitFor();

    await provider.getByLabel(`Vacancies now at ${settingName}`).fill("2");
    await provider.getByRole("button", { name: `Update vacancies at ${settingName}` }).click();
    await provider.getByText(`${settingName} now has 2 vacancies`).waitFor();
    expect(await provider.locator("main").innerText()).toMatch(/2 vacancies, confirmed \d{1,2} \w+ \d{4}/);
    await checkAccessibility(provider);

    const expectedIncomplete = (p: string) => p.includes("status of 400") && p.includes("/status");
    expect(providerProblems.list.filter((p) => !expectedIncomplete(p))).toEqual([]);
  }, 90_000);

  it("a commissioner finds it near M14 with its distance and vacancies, and opens it", async () => {
    await signInAsDemoPerson(commissioner, server.url, "Commissioner, Manchester Council");
    await commissioner.waitForURL(`${server.url}/commissioner`);
    await commissioner.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Find a setting" }).click();
    await commissioner.getByRole("heading", { level: 1, name: "Find a setting" }).waitFor();
    await commissioner.getByRole("heading", { level: 2, name: /settings? found$/ }).waitFor();
    await checkAccessibility(commissioner);

    await commissioner.getByLabel("Autistic spectrum disorder (ASD)").check();
    await commissioner.getByLabel("Near postcode district").fill("m14");
    await commissioner.getByLabel("Within (km)").fill("10");
    await commissioner.getByLabel("Has a vacancy now").check();
    await commissioner.getByRole("button", { name: "Apply filters" }).first().click();
    await commissioner.waitForURL(/[?&]near=M14(&|$)/);
    const url = new URL(commissioner.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ need: "ASD", hasVacancy: "true", near: "M14", radiusKm: "10", sort: "distance" });

    // The unfiltered list may still be on screen for a moment: wait for the filtered one.
    const result = commissioner
      .getByRole("listitem")
      .filter({ has: commissioner.getByRole("link", { name: settingName, exact: true }) })
      .filter({ hasText: "km from M14" });
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toMatch(/\d+\.\d km from M14/);
    expect(text).toMatch(/2 vacancies, confirmed/);
    expect(text).toContain("ASD (specialist)");
    expect(await commissioner.getByRole("link", { name: "Download these results (CSV)" }).getAttribute("href")).toBe(
      "/api/v1/settings/export?need=ASD&hasVacancy=true&near=M14&radiusKm=10&sort=distance",
    );
    await checkAccessibility(commissioner);

    await result.getByRole("link", { name: settingName, exact: true }).click();
    await commissioner.getByRole("heading", { level: 1, name: settingName }).waitFor();
    const main = await commissioner.locator("main").innerText();
    expect(main).toContain("2 vacancies, confirmed");
    expect(main).toContain("Autistic spectrum disorder (ASD)");
    await checkAccessibility(commissioner);

    await commissioner.getByRole("link", { name: "Back to the search" }).click();
    await commissioner.waitForURL(/[?&]near=M14(&|$)/);
    commissionerProblems.assertNone();
  }, 90_000);

  it("the provider sees its lots and prices, and the hub its framework, applications and claims", async () => {
    await provider.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Framework" }).click();
    await provider.getByRole("heading", { level: 1, name: "Framework" }).waitFor();
    const lots = provider.getByRole("table", { name: "Your standing on each lot" });
    await lots.waitFor();
    expect(await lots.getByRole("row", { name: /Lot 1: 0-16 day/ }).innerText()).toContain("Admitted");
    await provider.getByLabel("Weekly price for lot 1 band A, in pounds").waitFor();
    await checkAccessibility(provider);

    const hubContext = await browser.newContext();
    const hub = await hubContext.newPage();
    const hubProblems = collectPageProblems(hub);
    try {
      await signInAsDemoPerson(hub, server.url, "Regional administrator, North West Regional Commissioning Hub");
      await hub.waitForURL(`${server.url}/admin`);
      const menu = hub.getByRole("navigation", { name: "Menu" });
      await menu.getByRole("link", { name: "Framework" }).click();
      await hub.getByRole("table", { name: /Lot 1: 0-16 day/ }).waitFor();
      await checkAccessibility(hub);
      // Lowering a ceiling below providers' prices: the hub sees whom it affects before it saves.
      await hub.getByRole("button", { name: "Change the ceiling for lot 3 band A" }).click();
      await hub.getByLabel("Weekly ceiling for lot 3 band A, in pounds").fill("100.00");
      await hub.getByRole("button", { name: "Save ceiling" }).click();
      await hub.getByText("2 providers’ current prices are above £100.00").waitFor();
      const above = hub.getByRole("table", { name: "Prices above the new ceiling" });
      expect((await above.getByRole("row").allInnerTexts()).slice(1).map((row) => row.split("\t")[0])).toEqual([
        "Mersey Horizons Care (demo)",
        "Ribble Valley Children's Homes (demo)",
      ]);
      await checkAccessibility(hub);
      await hub.getByRole("button", { name: "Confirm and save ceiling" }).click();
      await hub.getByText("The ceiling for lot 3 band A is now £100.00 a week").waitFor();
      expect(await hub.getByRole("table", { name: /Lot 3/ }).getByRole("row", { name: /^A / }).innerText()).toContain("£100.00");
      await menu.getByRole("link", { name: "Applications" }).click();
      await hub.getByRole("heading", { level: 2, name: "Northern Pathways Alternative Provision (demo)" }).first().waitFor();
      await checkAccessibility(hub);
      await menu.getByRole("link", { name: "Claims" }).click();
      await hub.getByRole("heading", { level: 1, name: "Setting claims" }).waitFor();
      await hub.getByRole("checkbox", { name: "Waiting for a decision" }).waitFor();
      await checkAccessibility(hub);
      // The 409 that listed the providers above the lower ceiling is the warning, not a fault.
      const expectedWarning = (p: string) => p.includes("status of 409") && p.includes("/lots/3/bands/A");
      expect(hubProblems.list.filter((p) => !expectedWarning(p))).toEqual([]);
    } finally {
      await hubContext.close();
    }
  }, 90_000);
});
