import type { Browser, Page } from "playwright-core";
import { DEFAULT_REQUIREMENTS } from "@shared/schemas/children";
import { buildRequestAt } from "../factories/request-stages";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, describeBrowser, launchBrowser, type PageProblems, separatePeople } from "./browser";
import { COUNCIL, PENNINE } from "./live-request-steps";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const REFERENCE = "MCR-2026-0913";
const OUTCOME_1 = "Travels to college on the bus without an adult";
const OUTCOME_2 = "Uses a communication aid to ask for help in class";
const SETTING = "Pennine Outcomes House (test)";

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const long = (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`));
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Chromium logs every 4xx as a console error: the refusals a test asked for are taken off the list, and must have happened. */
function expectRefusal(problems: PageProblems | undefined, status: number, path: RegExp): void {
  const index = problems?.list.findIndex((p) => p.includes(`status of ${status}`) && path.test(p)) ?? -1;
  expect(index).toBeGreaterThanOrEqual(0);
  problems?.list.splice(index, 1);
}

/** Chooses one answer in a fieldset named by its legend. */
const choose = (page: Page, legend: string, label: string) => page.getByRole("group", { name: legend, exact: true }).getByLabel(label, { exact: true }).check();

async function fillIncidents(page: Page, legend: string, counts: [missing: number, exclusions: number, police: number, physical: number, hospital: number]) {
  const group = page.getByRole("group", { name: legend });
  const labels = ["Missing episodes", "Exclusions", "Police contacts", "Physical interventions", "Hospital admissions"];
  for (const [i, label] of labels.entries()) await group.getByLabel(label).fill(String(counts[i]));
}

interface ChartPoint {
  label: string;
  /** The mark's centre on the screen: a higher score is drawn higher up. */
  y: number;
  /** The mark's width on the screen: a bar's length. */
  width: number;
}

/** The dots or bars Observable Plot drew in one figure, by the title (tooltip) each carries. */
async function chartPoints(page: Page, caption: string): Promise<ChartPoint[]> {
  const figure = page.locator("figure").filter({ has: page.getByText(caption, { exact: true }) });
  return figure.locator("[data-testid=chart] svg title").evaluateAll((titles) =>
    titles.map((title) => {
      const box = title.parentElement!.getBoundingClientRect();
      return { label: title.textContent ?? "", y: box.top + box.height / 2, width: box.width };
    }),
  );
}

/** A table's body as text: one array per row, the row header first. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });
  return table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => (cell as HTMLElement).innerText.trim())));
}

describeBrowser("Outcome reviews of a placement: outcomes, a baseline, a review, the distance travelled and the provider's view", () => {
  let server: TestServer;
  let browser: Browser;
  const people = separatePeople();
  let council: Page;
  let provider: Page;
  let placementId: string;
  let startDate: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { db, sql } = server.testApp.database.handle;
    const [manchester] = await sql.query<{ id: string; region_id: string }>("SELECT id, region_id FROM organisations WHERE kind = 'council' AND name = $1", [
      COUNCIL,
    ]);
    const [pennine] = await sql.query<{ id: string }>("SELECT id FROM organisations WHERE name = 'Pennine Learning Trust (demo)'");
    if (!manchester || !pennine) throw new Error("The demo seed's council or provider is missing");
    // An awarded request of the demo council to the demo provider: the placement both demo people can reach.
    const staged = await buildRequestAt(db, "awarded", {
      regionId: manchester.region_id,
      councilId: manchester.id,
      providerOrganisationId: pennine.id,
      lotNumber: 2,
      child: {
        reference: REFERENCE,
        risks: [{ code: "riskMissing", trajectory: "current" }],
        requirements: { ...DEFAULT_REQUIREMENTS, deprivationOfLiberty: true },
      },
    });
    placementId = staged.placementId!;
    await sql.query("UPDATE settings SET name = $1 WHERE id = $2", [SETTING, staged.settingId]);
    const [placement] = await sql.query<{ start_date: string }>("SELECT start_date::text AS start_date FROM placements WHERE id = $1", [placementId]);
    startDate = placement!.start_date;
    browser = await launchBrowser();
    [council, provider] = [await people.newPage(browser), await people.newPage(browser)];
  }, 120_000);

  afterAll(async () => {
    await people.close();
    await browser?.close();
    await server?.close();
  });

  afterEach(() => people.assertNoProblems());

  it("the commissioner finds the placement and records the EHC plan's outcomes, corrected where the server finds personal data", async () => {
    await signInAsDemoPerson(council, server.url, `Commissioner, ${COUNCIL}`);
    await council.waitForURL(`${server.url}/commissioner`);
    await council.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Placements" }).click();
    await council.getByRole("heading", { level: 1, name: "Placements" }).waitFor();
    await checkAccessibility(council);
    await council.getByRole("link", { name: REFERENCE }).click();
    await council.getByRole("heading", { level: 1, name: `Placement at ${SETTING}` }).waitFor();
    await council.getByText("No outcomes recorded yet.", { exact: false }).waitFor();
    // The region's default definition: a deprivation of liberty requirement makes a placement high risk.
    const highRisk = council.getByRole("region", { name: "High risk" });
    await highRisk.getByText("High risk because:").waitFor();
    expect(await highRisk.locator("li").allInnerTexts()).toContain("A deprivation of liberty requirement");
    await checkAccessibility(council);

    await council.getByRole("link", { name: "Add the outcomes" }).click();
    await council.getByRole("heading", { level: 1, name: "Outcomes in the EHC plan" }).waitFor();
    await council.getByLabel("Outcome 1").fill(`${OUTCOME_1}; ask jo.bloggs@example.com`);
    await council.getByRole("button", { name: "Add another outcome" }).click();
    await council.getByLabel("Outcome 2").fill(OUTCOME_2);
    await council.getByRole("button", { name: "Save the outcomes" }).click();
    const summary = council.locator(".govuk-error-summary");
    const refusal = summary.getByRole("link", { name: /Remove an e-mail address/ });
    await refusal.waitFor();
    // The summary links to the field, which says the same beside it.
    const fieldId = (await refusal.getAttribute("href"))?.slice(1) ?? "";
    expect(await council.locator(`#${fieldId}-error`).innerText()).toContain("Remove an e-mail address");
    expect(await council.locator(`#${fieldId}`).inputValue()).toContain(OUTCOME_1);
    expect(await council.title()).toMatch(/^Error: /);
    await checkAccessibility(council);
    expectRefusal(people.problems[0], 400, /\/outcomes/);

    await council.getByLabel("Outcome 1").fill(OUTCOME_1);
    await council.getByRole("button", { name: "Save the outcomes" }).click();
    await council.getByRole("heading", { level: 1, name: `Placement at ${SETTING}` }).waitFor();
    await council.getByText(`You saved the outcomes of ${REFERENCE}’s EHC plan.`).waitFor();
    const listed = await council.getByRole("region", { name: "Outcomes in the EHC plan" }).locator("ol li").allInnerTexts();
    expect(listed).toEqual([OUTCOME_1, OUTCOME_2]);
  }, 90_000);

  it("the baseline is saved as a draft, reopened, refused with every missing field, then submitted", async () => {
    await council.getByRole("link", { name: "Record the baseline" }).click();
    await council.getByRole("heading", { level: 1, name: "Record the baseline" }).waitFor();
    const date = council.getByRole("group", { name: "Date of the baseline" });
    expect([await date.getByLabel("Day").inputValue(), await date.getByLabel("Month").inputValue(), await date.getByLabel("Year").inputValue()].join("-")).toBe(
      [Number(startDate.slice(8)), Number(startDate.slice(5, 7)), startDate.slice(0, 4)].join("-"),
    );
    // The profile's current risk is where the baseline's risks start.
    expect(await council.getByRole("group", { name: "Going missing" }).getByLabel("Current").isChecked()).toBe(true);
    await checkAccessibility(council);
    await choose(council, OUTCOME_1, "2 - Some progress");
    await choose(council, OUTCOME_2, "1 - No progress");
    await council.getByRole("button", { name: "Save as draft" }).click();
    await council.getByText("You saved the baseline as a draft.").waitFor();
    const card = council.getByRole("region", { name: `Baseline, ${long(startDate)}` });
    await card.getByText("Draft", { exact: true }).waitFor();
    await checkAccessibility(council);

    await card.getByRole("link", { name: /Continue the draft/ }).click();
    await council.getByRole("heading", { level: 1, name: "Continue the draft review" }).waitFor();
    expect(await council.getByRole("group", { name: OUTCOME_1 }).getByLabel("2 - Some progress").isChecked()).toBe(true);
    await council.getByRole("button", { name: "Submit baseline" }).click();
    const summary = council.locator(".govuk-error-summary");
    await summary.getByRole("link", { name: "Choose how stable the placement is" }).waitFor();
    const links = Object.fromEntries(
      await summary.getByRole("link").evaluateAll((nodes) => nodes.map((node) => [(node as HTMLElement).innerText, node.getAttribute("href") ?? ""])),
    );
    expect(links).toEqual({
      "Enter attendance as a percentage of sessions": "#review-attendance",
      "Enter the number of each kind of incident since the last review (0 if none)": "#review-incidents-missingEpisodes",
      "Choose how stable the placement is": "#review-stability",
    });
    expect(await council.locator("#review-stability-error").innerText()).toContain("Choose how stable the placement is");
    await checkAccessibility(council);
    expectRefusal(people.problems[0], 400, /\/submit/);

    await council.getByLabel("Attendance (% of sessions)").fill("80");
    await fillIncidents(council, "Incidents before the placement started", [0, 0, 0, 0, 0]);
    await choose(council, "Placement stability", "Stable");
    await council.getByRole("button", { name: "Submit baseline" }).click();
    await council.getByText("You submitted the baseline.").waitFor();
    await card.getByText("Submitted", { exact: true }).waitFor();
    await card.getByText(`${OUTCOME_1}: 2 - Some progress`).waitFor();
  }, 90_000);

  it("a review is submitted, and the distance-travelled charts draw the same numbers as their tables and the API", async () => {
    await council.getByRole("link", { name: "Record a review" }).click();
    await council.getByRole("heading", { level: 1, name: "Record a review" }).waitFor();
    const reviewDate = addDays(startDate, 42);
    const date = council.getByRole("group", { name: "Date of the review" });
    expect(await date.getByLabel("Day").inputValue()).toBe(String(Number(reviewDate.slice(8))));
    await choose(council, OUTCOME_1, "4 - Mostly achieved");
    await choose(council, OUTCOME_2, "3 - Good progress");
    await council.getByLabel("Attendance (% of sessions)").fill("92");
    await fillIncidents(council, "Incidents since the last review", [1, 0, 2, 0, 0]);
    await choose(council, "Going missing", "Historic");
    await choose(council, "Placement stability", "Stable");
    await choose(council, "The child’s view of the placement (optional)", "4 - Happy");
    await council.getByLabel("Notes (optional)").fill("Settled well; travel training going to plan.");
    await checkAccessibility(council);
    await council.getByRole("button", { name: "Submit review" }).click();
    await council.getByText("You submitted the review.").waitFor();

    const section = council.getByRole("region", { name: "Distance travelled" });
    await section.getByText("Mean change in outcome scores from the baseline to the latest review: +2").waitFor();
    const api = await council.evaluate(async (id) => (await (await fetch(`/api/v1/placements/${id}/distance-travelled`)).json()) as unknown, placementId);
    const data = (api as { data: DistanceTravelledData }).data;
    expect(data.outcomes.map((o) => [o.baseline, o.points[0]?.score, o.points[0]?.change])).toEqual([
      [2, 4, 2],
      [1, 3, 2],
    ]);

    // Outcomes: every dot's label, the table's cells and the API say the same; higher scores are drawn higher.
    const base = long(startDate);
    const review = long(reviewDate);
    const dots = await chartPoints(council, "Progress towards each outcome");
    expect(dots.map((d) => d.label).sort()).toEqual(
      [`Outcome 1, ${base}: score 2`, `Outcome 1, ${review}: score 4`, `Outcome 2, ${base}: score 1`, `Outcome 2, ${review}: score 3`].sort(),
    );
    const y = (label: string) => dots.find((d) => d.label === label)!.y;
    expect(y(`Outcome 1, ${review}: score 4`)).toBeLessThan(y(`Outcome 2, ${review}: score 3`));
    expect(y(`Outcome 2, ${review}: score 3`)).toBeLessThan(y(`Outcome 1, ${base}: score 2`));
    expect(y(`Outcome 1, ${base}: score 2`)).toBeLessThan(y(`Outcome 2, ${base}: score 1`));
    expect(await tableRows(council, "Scores at the baseline and each review")).toEqual([
      [`Outcome 1: ${OUTCOME_1}`, "2", "4 (+2)"],
      [`Outcome 2: ${OUTCOME_2}`, "1", "3 (+2)"],
    ]);

    // Incidents per 4 weeks over the 6 weeks since the baseline: 1 missing episode and 2 police contacts.
    const rate = data.incidentRates[0]!;
    expect([rate.weeks, rate.per4Weeks.missingEpisodes, rate.per4Weeks.policeContacts, rate.total]).toEqual([6, 0.67, 1.33, 2]);
    const incidents = await chartPoints(council, "Incidents per 4 weeks");
    expect(incidents.map((d) => d.label)).toEqual(
      expect.arrayContaining([
        `Missing episodes, ${review}: 0.67 per 4 weeks`,
        `Police contacts, ${review}: 1.33 per 4 weeks`,
        `Exclusions, ${review}: 0 per 4 weeks`,
      ]),
    );
    expect(incidents).toHaveLength(5);
    // Twice the rate, twice the bar.
    const bar = (kind: string) => incidents.find((d) => d.label.startsWith(kind))!.width;
    expect(bar("Police contacts") / bar("Missing episodes")).toBeCloseTo(1.33 / 0.67, 1);
    expect(await tableRows(council, "Incidents per 4 weeks since the review before")).toEqual([[review, "6", "0.67", "0", "1.33", "0", "0", "2"]]);
    expect(await tableRows(council, "Risk trajectories")).toEqual([["Going missing", "Current", "Historic"]]);
    await checkAccessibility(council);
  }, 90_000);

  it("the provider sees its placement without the child's reference, and gives its view of the review and of the baseline", async () => {
    await signInAsDemoPerson(provider, server.url, PENNINE.person);
    await provider.waitForURL(`${server.url}/provider`);
    await provider.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Placements" }).click();
    await provider.getByRole("heading", { level: 1, name: "Placements" }).waitFor();
    await provider.getByRole("row").filter({ hasText: SETTING }).getByText("Awaits your view").waitFor();
    await checkAccessibility(provider);
    await provider.getByRole("link", { name: `${SETTING}, from ${long(startDate)}` }).click();
    await provider.getByRole("heading", { level: 1, name: `Placement at ${SETTING}` }).waitFor();
    expect(await provider.content()).not.toContain(REFERENCE);
    const reviewCard = provider.getByRole("region", { name: `Review, ${long(addDays(startDate, 42))}` });
    await reviewCard.getByText(`${OUTCOME_1}: 4 - Mostly achieved`).first().waitFor();
    // The baseline and the review: never a draft.
    expect(await provider.locator("[data-review-id]").count()).toBe(2);
    await checkAccessibility(provider);

    await reviewCard.getByRole("button", { name: /Give your view/ }).click();
    // The form starts from the council's review: the provider changes what it sees differently.
    expect(await reviewCard.getByRole("group", { name: OUTCOME_1 }).getByLabel("4 - Mostly achieved").isChecked()).toBe(true);
    await reviewCard.getByRole("group", { name: OUTCOME_1 }).getByLabel("5 - Fully achieved").check();
    await reviewCard.getByLabel("Notes (optional)").fill("Travels alone on two routes now.");
    await checkAccessibility(provider);
    await reviewCard.getByRole("button", { name: /Send your view/ }).click();
    await reviewCard.getByText("The council has not decided on your view yet.").waitFor();
    await reviewCard.getByText(`${OUTCOME_1}: 5 - Fully achieved`).waitFor();

    // Its view of the baseline: the council's figures as they were.
    const baselineCard = provider.getByRole("region", { name: `Baseline, ${long(startDate)}` });
    await baselineCard.getByRole("button", { name: /Give your view/ }).click();
    await baselineCard.getByRole("button", { name: /Send your view/ }).click();
    await baselineCard.getByText("The council has not decided on your view yet.").waitFor();
  }, 90_000);

  it("the council accepts one view and annotates the other, and the provider sees each decision and can no longer change its view", async () => {
    await council.reload();
    const card = council.getByRole("region", { name: `Review, ${long(addDays(startDate, 42))}` });
    await card.getByText("Travels alone on two routes now.").waitFor();
    await checkAccessibility(council);
    await card.getByRole("button", { name: /Accept the provider’s view/ }).click();
    await card.getByText(/^The council accepted the provider’s view on /).waitFor();
    expect(await card.getByRole("button", { name: /Accept the provider’s view/ }).count()).toBe(0);

    // The baseline's view is annotated: a note is needed, and the provider reads it.
    const baseline = council.getByRole("region", { name: `Baseline, ${long(startDate)}` });
    await baseline.getByRole("button", { name: /^Annotate/ }).click();
    await baseline
      .getByText(/Enter the council.s note/)
      .first()
      .waitFor();
    await baseline.getByLabel("Or annotate it with the council’s note").fill("Agreed; attendance was 78% on our register.");
    await baseline.getByRole("button", { name: /^Annotate/ }).click();
    await baseline.getByText(/^The council annotated the provider’s view on /).waitFor();
    await baseline.getByText("Agreed; attendance was 78% on our register.").waitFor();
    await checkAccessibility(council);

    await provider.reload();
    const mine = provider.getByRole("region", { name: `Review, ${long(addDays(startDate, 42))}` });
    await mine.getByText(/^The council accepted your view on /).waitFor();
    expect(await mine.getByRole("button", { name: /Change your view/ }).count()).toBe(0);
    const annotated = provider.getByRole("region", { name: `Baseline, ${long(startDate)}` });
    await annotated.getByText(/^The council annotated your view on /).waitFor();
    await annotated.getByText("Agreed; attendance was 78% on our register.").waitFor();
    await checkAccessibility(provider);
  }, 60_000);
});

interface DistanceTravelledData {
  outcomes: { baseline: number | null; points: { score: number | null; change: number | null }[] }[];
  incidentRates: { weeks: number; per4Weeks: Record<string, number>; total: number }[];
}
