import type { Browser, BrowserContext, Page } from "playwright-core";
import { pdsReferral } from "../factories/placements-standard";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { answerAbout, answerNeeds, answerPlacement, answerRequirements, answerRisks, openTask, saveAndContinue, taskStatus } from "./record-child-steps";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const REFERENCE = "MCR-2026-0716";
const SECTION_B = "Needs a predictable routine and visual timetables; finds noise hard.";
const TASK_LIST = `Record ${REFERENCE}’s needs`;
const TASKS = ["About the child", "Needs and EHC plan", "Placement sought", "Requirements and recommendation", "Risks"];

describeBrowser("Recording a child through the task list", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    server = await startTestServer();
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

  const statuses = async () => Promise.all(TASKS.map((title) => taskStatus(page, title)));
  const backToTaskList = () => page.getByRole("heading", { level: 1, name: TASK_LIST }).waitFor();

  it("starts a draft with nothing chosen for the child, and saves part of it", async () => {
    await signInAsDemoPerson(page, server.url, "Commissioner, Manchester Council");
    await page.waitForURL(`${server.url}/commissioner`);
    await page.goto(`${server.url}/commissioner/children`);
    await page.getByRole("link", { name: "Record a child’s needs" }).click();
    await page.getByRole("heading", { level: 1, name: "About the child" }).waitFor();
    // Nothing is chosen for the commissioner.
    expect(await page.locator("input[type=radio]:checked").count()).toBe(0);
    await checkAccessibility(page);

    await saveAndContinue(page);
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("There is a problem");
    expect(await summary.innerText()).toContain("Enter the council's reference for the child");
    expect(await page.title()).toMatch(/^Error: /);
    await checkAccessibility(page);

    await answerAbout(page, REFERENCE);
    await saveAndContinue(page);
    await backToTaskList();
    expect(await statuses()).toEqual(["Completed", "Not started", "Not started", "Not started", "Not started"]);
    await page.getByText("You have completed 1 of 5 sections.").waitFor();
    await checkAccessibility(page);

    // Risks: nothing preselected, every one must be answered; a page saved in part stays in progress.
    await openTask(page, "Risks");
    expect(await page.locator("input[type=radio]:checked").count()).toBe(0);
    await checkAccessibility(page);
    await page.getByRole("group", { name: "Going missing", exact: true }).getByLabel("Historic", { exact: true }).check();
    await saveAndContinue(page);
    await backToTaskList();
    expect(await taskStatus(page, "Risks")).toBe("In progress");

    // A name in the EHC plan's summary is caught before anything is sent.
    await openTask(page, "Needs and EHC plan");
    await answerNeeds(page, `${SECTION_B} His mum Jane Smith asks for a school close to home.`);
    await saveAndContinue(page);
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Remove a name: a child's profile must not identify them");
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#child-section-b");
    await checkAccessibility(page);
    await page.getByLabel("Section B: special educational needs (summary) (optional)").fill(SECTION_B);
    await saveAndContinue(page);
    await backToTaskList();
    expect(await taskStatus(page, "Needs and EHC plan")).toBe("Completed");
  }, 120_000);

  it("finds the draft again in the children list, and finishes every section", async () => {
    await page.goto(`${server.url}/commissioner/children`);
    await page.getByRole("heading", { level: 1, name: "Children" }).waitFor();
    await page.getByRole("group", { name: "Status" }).getByLabel("Draft", { exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("heading", { level: 2, name: "1 child found" }).waitFor();
    expect(page.url()).toContain("status=draft");
    const row = page.getByRole("row", { name: new RegExp(REFERENCE) });
    expect(await row.innerText()).toContain("Draft");
    await checkAccessibility(page);
    await row.getByRole("link", { name: REFERENCE }).click();
    await backToTaskList();
    expect(await statuses()).toEqual(["Completed", "Completed", "Not started", "Not started", "In progress"]);

    await openTask(page, "Placement sought");
    await checkAccessibility(page);
    await answerPlacement(page);
    await saveAndContinue(page);
    await backToTaskList();

    await openTask(page, "Requirements and recommendation");
    expect(await page.locator("input[type=radio]:checked").count()).toBe(0);
    await checkAccessibility(page);
    await answerRequirements(page);
    await saveAndContinue(page);
    await backToTaskList();

    await openTask(page, "Risks");
    // What was saved comes back; the rest is still to answer.
    expect(await page.getByRole("group", { name: "Going missing", exact: true }).getByLabel("Historic", { exact: true }).isChecked()).toBe(true);
    expect(await page.locator("input[type=radio]:checked").count()).toBe(1);
    await answerRisks(page, { "Going missing": "Historic" });
    await saveAndContinue(page);
    await backToTaskList();
    expect(await statuses()).toEqual(["Completed", "Completed", "Completed", "Completed", "Completed"]);
    await checkAccessibility(page);
  }, 120_000);

  it("checks the answers, changes one, and completes the profile", async () => {
    await page.getByRole("link", { name: "Check your answers" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your answers" }).waitFor();
    const main = page.locator("main");
    expect(await main.innerText()).toContain("Final EHC plan");
    expect(await main.innerText()).toContain("Going missing (historic)");
    expect(await main.innerText()).toContain("Year 7");
    await checkAccessibility(page);

    await page.getByRole("link", { name: "Change school year" }).click();
    await page.getByRole("heading", { level: 1, name: "About the child" }).waitFor();
    expect(await page.getByLabel("School year").inputValue()).toBe("7");
    await page.getByLabel("School year").fill("8");
    await saveAndContinue(page);
    await backToTaskList();
    await page.getByRole("link", { name: "Check your answers" }).click();
    await page.getByRole("heading", { level: 1, name: "Check your answers" }).waitFor();
    expect(await main.innerText()).toContain("Year 8");

    await page.getByRole("button", { name: "Confirm and complete" }).click();
    await page.getByRole("heading", { level: 1, name: REFERENCE }).waitFor();
    await page.getByText(`You completed the profile of ${REFERENCE}.`).waitFor();
    await page.getByRole("link", { name: "Find matching settings" }).waitFor();
    expect(await main.innerText()).toContain("No placement request has been made for the child yet.");
    await checkAccessibility(page);
    const [row] = await server.testApp.database.handle.sql.query<{ status: string }>("SELECT status FROM child_profiles WHERE reference = $1", [REFERENCE]);
    expect(row?.status).toBe("complete");

    // Changing a complete profile goes back to the task list, every section done.
    await page.getByRole("link", { name: /^Change the profile/ }).click();
    await page.getByRole("heading", { level: 1, name: `Change ${REFERENCE}` }).waitFor();
    expect(await statuses()).toEqual(["Completed", "Completed", "Completed", "Completed", "Completed"]);
    await checkAccessibility(page);
    problems.assertNone();
  }, 120_000);

  it("imports a referral in the Placements Data Standard: every failing field in words, then the task list with what is still to answer", async () => {
    await page.goto(`${server.url}/commissioner/children`);
    await page.getByRole("link", { name: "Import a referral" }).click();
    await page.getByRole("heading", { level: 1, name: "Import a referral" }).waitFor();
    await checkAccessibility(page);
    const summary = page.locator(".govuk-error-summary");
    const importIt = () => page.getByRole("button", { name: "Import the referral" }).click();

    await importIt();
    await summary.getByText("Paste the referral, or choose its file").waitFor();
    await page.getByLabel("The referral", { exact: true }).fill('{ "PlacementAvailability": ');
    await importIt();
    await summary.getByText(/^The referral is not a JSON document/).waitFor();

    // Two fields wrong: the API lists both, each saying where it is and what it should be.
    const bad = pdsReferral({ childId: 716016 });
    (bad.PlacementRequirements as Record<string, unknown>).pets = "Maybe";
    delete (bad.Risks as Record<string, unknown>).riskMissing;
    await page.getByLabel("The referral", { exact: true }).fill(JSON.stringify(bad, null, 2));
    await importIt();
    await summary.getByText(/^In placement requirements: pets must be one of: /).waitFor();
    await summary.getByText(/^In risks: riskMissing is required/).waitFor();
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#pds-document");
    await page.getByText("The referral has 2 problems: correct each one listed above and import it again").waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    await checkAccessibility(page);
    expect(await server.testApp.database.handle.sql.query("SELECT 1 FROM child_profiles WHERE reference = 'PDS-716016'")).toEqual([]);

    // The corrected referral, chosen as a file: it fills the box, and the import lands on the task list.
    const good = pdsReferral({ childId: 716016 });
    await page
      .getByLabel("Choose the referral’s file (optional)")
      .setInputFiles({ name: "referral.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
    await page.waitForFunction(() => (document.getElementById("pds-document") as HTMLTextAreaElement | null)?.value.includes("PlacementAvailability"));
    await importIt();
    await page.getByRole("heading", { level: 1, name: "Record PDS-716016’s needs" }).waitFor();
    await page
      .getByText("PDS-716016 was recorded from the referral as a draft. Answer the questions not started or in progress, then check your answers.")
      .waitFor();
    const imported = await statuses();
    // The standard carries the requirements, the recommendation and every risk; not what matching needs about the child.
    expect(imported).toContain("Completed");
    expect(imported.filter((s) => s !== "Completed").length).toBeGreaterThan(0);
    expect(await taskStatus(page, "Risks")).toBe("Completed");
    expect(await taskStatus(page, "About the child")).not.toBe("Completed");
    await checkAccessibility(page);
  }, 120_000);
});
