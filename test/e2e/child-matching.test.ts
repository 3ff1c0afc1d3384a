import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { organisations } from "../../server/src/db/schema";
import { buildSetting } from "../factories/directory";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const REFERENCE = "MCR-2026-0042";
const SECTION_B = "Autistic, with limited speech; needs a predictable routine, visual timetables and a quiet space.";
const PROVIDER = "Pennine Learning Trust (demo)";
/**
 * The demo seed lists one setting per lot with a vacancy (Pennine Brook School on lot 1), so this
 * journey adds two more day schools near M14 of the same provider, which is admitted to lot 1.
 */
const NEARBY_SCHOOLS = [
  { name: "Didsbury Brook School (test)", postcode: "M20 2LR" },
  { name: "Rusholme Communication Centre (test)", postcode: "M13 9PL" },
];

/** A date as the GOV.UK date input's three parts. */
const partsOf = (date: Date) => ({ day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) });

/** A 12-year-old autistic boy from M14 needing a day place on lot 1 within a month; section B names his mother. */
async function fillChildForm(page: Page): Promise<void> {
  await page.getByLabel("Reference", { exact: true }).fill(REFERENCE);
  const birth = page.getByRole("group", { name: "Month and year of birth" });
  await birth.getByLabel("Month").fill("9");
  await birth.getByLabel("Year").fill(String(new Date().getUTCFullYear() - 12));
  await page.getByRole("group", { name: "Sex", exact: true }).getByLabel("Male", { exact: true }).check();
  await page.getByLabel("Home postcode district").fill("M14");
  await page.getByLabel("School year").fill("7");
  await page.getByLabel("Primary need").selectOption("ASD");
  await page.getByRole("group", { name: "Secondary needs" }).getByLabel("Speech, language and communication needs (SLCN)").check();
  await page.getByLabel("Section B: special educational needs (summary) (optional)").fill(`${SECTION_B} His mum Jane Smith asks for a school close to home.`);
  await page.getByRole("group", { name: "Staffing ratio needed (adult:child)" }).getByLabel("1:2").check();
  await page.getByRole("group", { name: "Therapies needed" }).getByLabel("Speech and language therapy").check();
  await page.getByLabel("Lot 1: 0-16 day").check();
  await page.getByLabel(/^Band C:/).check();
  const neededBy = partsOf(new Date(Date.now() + 30 * 86_400_000));
  const date = page.getByRole("group", { name: "Needed by" });
  await date.getByLabel("Day").fill(neededBy.day);
  await date.getByLabel("Month").fill(neededBy.month);
  await date.getByLabel("Year").fill(neededBy.year);
  await page.getByLabel("Furthest distance from home, in km (optional)").fill("40");
  await page.getByRole("group", { name: "Going missing" }).getByLabel("Historic").check();
}

describeBrowser("Recording a child's needs and shortlisting matching settings", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.testApp.database.handle.db;
    const [provider] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, PROVIDER));
    if (!provider) throw new Error(`${PROVIDER} is not in the demo seed`);
    for (const school of NEARBY_SCHOOLS) {
      await buildSetting(db, {
        organisationId: provider.id,
        ...school,
        needs: [
          { code: "ASD", level: "specialist" },
          { code: "SLCN", level: "supported" },
        ],
        therapies: ["speech_and_language"],
        staffingRatios: ["1:2", "1:1"],
        risksManaged: ["riskMissing"],
        ofstedGrade: 2,
        ofstedInspectionDate: "2025-03-12",
      });
    }
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    problems = collectPageProblems(page);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it("a commissioner records a child, correcting a name in section B, and sees the profile", async () => {
    await signInAsDemoPerson(page, server.url, "Commissioner, Manchester Council");
    await page.waitForURL(`${server.url}/commissioner`);
    await page.getByRole("main").getByRole("link", { name: "Children", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Children" }).waitFor();
    await page.getByText("Your council has not recorded any children yet.").waitFor();
    await checkAccessibility(page);

    await page.getByRole("link", { name: "Record a child’s needs" }).click();
    await page.getByRole("heading", { level: 1, name: "Record a child’s needs" }).waitFor();
    await checkAccessibility(page);
    await fillChildForm(page);
    await page.getByRole("button", { name: "Save the profile" }).click();

    // Caught in the browser, in the server's words: nothing identifying is sent.
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Remove a name: a child's profile must not identify them");
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#child-section-b");
    await page.locator("#child-section-b-error").waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    await checkAccessibility(page);

    await page.getByLabel("Section B: special educational needs (summary) (optional)").fill(SECTION_B);
    await page.getByRole("button", { name: "Save the profile" }).click();
    await page.getByRole("heading", { level: 1, name: REFERENCE }).waitFor();
    await page.getByText(`You recorded ${REFERENCE}.`).waitFor();
    expect(page.url()).toMatch(/\/commissioner\/children\/[0-9a-f-]{36}$/);
    // The shortlist loads after the profile: wait for it rather than read "Loading the shortlist…".
    await page.getByText("No settings shortlisted yet.").waitFor();
    const main = await page.locator("main").innerText();
    expect(main).toContain("Autistic spectrum disorder (ASD)");
    expect(main).toContain("Going missing (historic)");
    expect(main).toContain("No settings shortlisted yet.");
    await checkAccessibility(page);

    // Changing the profile starts from what is stored.
    await page.getByRole("link", { name: /^Change the profile/ }).click();
    await page.getByRole("heading", { level: 1, name: `Change ${REFERENCE}` }).waitFor();
    expect(await page.getByLabel("Reference", { exact: true }).inputValue()).toBe(REFERENCE);
    expect(await page.getByRole("group", { name: "Going missing" }).getByLabel("Historic").isChecked()).toBe(true);
    await page.getByLabel("School year").fill("8");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(`You changed ${REFERENCE}.`).waitFor();
    expect(await page.locator("main").innerText()).toContain("Year 8");
  }, 90_000);

  it("finds matching settings with their reasons, and shortlists three", async () => {
    await page.getByRole("link", { name: "Find matching settings" }).click();
    await page.getByRole("heading", { level: 1, name: "Matching settings" }).waitFor();
    const results = page.getByRole("list", { name: /settings? match(es)?$/ });
    await results.waitFor();
    const ranked = results.locator(":scope > li");
    expect(await ranked.count()).toBeGreaterThanOrEqual(3);
    const first = await ranked.first().innerText();
    expect(first).toContain("Rank 1");
    expect(first).toMatch(/Score\s+[\d.]+ out of 100/);
    expect(first).toMatch(/Need fit\s+[\d.]+ of [\d.]+/);
    expect(first).toMatch(/km from M14/);
    await checkAccessibility(page);

    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = ranked.nth(i);
      names.push(await result.getByRole("heading", { level: 3 }).getByRole("link").innerText());
      await result.getByRole("button", { name: /^Add to shortlist/ }).click();
      await result.getByRole("button", { name: /^Remove from shortlist/ }).waitFor();
    }
    const shortlist = page.getByRole("region", { name: "Shortlist" });
    await shortlist.getByText("3 settings shortlisted").waitFor();
    for (const name of names) await shortlist.getByText(name, { exact: false }).waitFor();
    await checkAccessibility(page);

    await page.getByRole("link", { name: "Show settings left out and why" }).click();
    await page.getByRole("heading", { level: 2, name: /^Settings left out/ }).waitFor();
    expect(page.url()).toMatch(/\/matches\?explain=excluded$/);
    await checkAccessibility(page);

    await page.getByRole("link", { name: `Back to ${REFERENCE}` }).click();
    await page.getByRole("heading", { level: 1, name: REFERENCE }).waitFor();
    await page.getByRole("region", { name: "Shortlist" }).getByText("3 settings shortlisted").waitFor();
    problems.assertNone();
  }, 90_000);
});
