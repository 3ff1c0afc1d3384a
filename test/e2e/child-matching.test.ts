import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { organisations } from "../../server/src/db/schema";
import { buildSetting } from "../factories/directory";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { openTask, recordChild, saveAndContinue } from "./record-child-steps";
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

  it("a commissioner records a child through the task list and sees the profile", async () => {
    await signInAsDemoPerson(page, server.url, "Commissioner, Manchester Council");
    await page.waitForURL(`${server.url}/commissioner`);
    await page.getByRole("main").getByRole("link", { name: "Children", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Children" }).waitFor();
    await page.getByText("Your council has not recorded any children yet.").waitFor();
    await checkAccessibility(page);

    // The question pages themselves are tested in record-child.test.ts.
    await recordChild(page, server.url, REFERENCE, { sectionB: SECTION_B, risks: { "Going missing": "Historic" } });
    await page.getByText(`You completed the profile of ${REFERENCE}.`).waitFor();
    expect(page.url()).toMatch(/\/commissioner\/children\/[0-9a-f-]{36}$/);
    // The shortlist loads after the profile: wait for it rather than read "Loading the shortlist…".
    await page.getByText("No settings shortlisted yet.").waitFor();
    const main = await page.locator("main").innerText();
    expect(main).toContain("Autistic spectrum disorder (ASD)");
    expect(main).toContain("Going missing (historic)");
    expect(main).toContain("No settings shortlisted yet.");
    await checkAccessibility(page);

    // Changing the profile goes through its task list, each page starting from what is stored.
    await page.getByRole("link", { name: /^Change the profile/ }).click();
    await page.getByRole("heading", { level: 1, name: `Change ${REFERENCE}` }).waitFor();
    await openTask(page, "Risks");
    expect(await page.getByRole("group", { name: "Going missing", exact: true }).getByLabel("Historic", { exact: true }).isChecked()).toBe(true);
    await page.getByRole("link", { name: "Back to the task list" }).click();
    await openTask(page, "About the child");
    expect(await page.getByLabel("Reference", { exact: true }).inputValue()).toBe(REFERENCE);
    await page.getByLabel("School year").fill("8");
    await saveAndContinue(page);
    await page.getByRole("heading", { level: 1, name: `Change ${REFERENCE}` }).waitFor();
    await page.getByRole("link", { name: `Back to ${REFERENCE}`, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: REFERENCE }).waitFor();
    // The heading comes before the profile has loaded: read the page once it has (it failed in CI reading "Loading the child’s profile…").
    await page.getByText("Loading the child’s profile…").waitFor({ state: "detached" });
    expect(await page.locator("main").innerText()).toContain("Year 8");
  }, 120_000);

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
