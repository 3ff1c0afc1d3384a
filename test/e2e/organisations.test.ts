import type { Browser, Page } from "playwright-core";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describeBrowser("The regional hub's organisations", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage();
    problems = collectPageProblems(page);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a regional administrator sees the region's organisations by kind and adds a council", async () => {
    await signInAsDemoPerson(page, server.url, "Regional administrator, North West Regional Commissioning Hub");
    await page.waitForURL(`${server.url}/admin`);
    await page.getByRole("heading", { level: 1, name: "Regional administrator home" }).waitFor();

    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Organisations" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisations in your region" }).waitFor();
    const councils = page.getByRole("table", { name: /^Councils \(\d+\)$/ });
    await councils.waitFor();
    const manchester = councils.getByRole("row", { name: /Manchester Council/ });
    expect(await manchester.innerText()).toContain("352");
    await checkAccessibility(page);

    await page.getByLabel("Council", { exact: true }).check();
    await page.getByLabel("Name", { exact: true }).fill("Isle of Man Council (test)");
    await page.getByRole("button", { name: "Add organisation" }).click();
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Enter the local authority code for a council or Parent Carer Forum");
    await checkAccessibility(page);

    // A code already used by a council in the region is a duplicate.
    await page.getByLabel("Local authority code").fill("352");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.locator(".govuk-error-summary", { hasText: "already exists" }).waitFor();

    await page.getByLabel("Local authority code").fill("999");
    await page.getByLabel("Placements contact e-mail (optional)").fill("placements@isle-of-man.example.gov.uk");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.getByText("You added Isle of Man Council (test)").waitFor();
    await page.getByRole("link", { name: "People at Isle of Man Council (test)" }).click();
    await page.getByRole("heading", { level: 1, name: "People" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Nobody has joined Isle of Man Council (test) yet.");
    // The contact given when it was added, and (the hub's administrator may) the phone added after.
    const contact = page.getByRole("region", { name: "Contact details" });
    expect(await contact.innerText()).toMatch(/Placements e-mail\s+placements@isle-of-man\.example\.gov\.uk/);
    await checkAccessibility(page);
    await contact.getByRole("link", { name: "Change the placements phone" }).click();
    await page.getByLabel("Placements contact phone (optional)").fill("01624 685000");
    await page.getByRole("button", { name: "Save contact details" }).click();
    await page.getByText("You changed the contact details for Isle of Man Council (test)").waitFor();
    expect(await page.getByRole("region", { name: "Contact details" }).innerText()).toMatch(/Placements phone\s+01624 685000/);
    // The duplicate's 409 above is expected; Chromium logs any 4xx fetch as a console error.
    const expectedConflict = (p: string) => p.includes("status of 409") && p.includes("/api/v1/organisations");
    expect(problems.list.filter((p) => !expectedConflict(p))).toEqual([]);
  }, 60_000);
});
