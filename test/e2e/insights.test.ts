import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { LOTS } from "@shared/codes/lots";
import { seedInsightsHistory } from "../../server/src/db/seed/insights-history";
import { parseCsvRows } from "../../server/src/lib/csv";
import { refreshAllInsightsFacts } from "../../server/src/modules/insights/facts/refresh";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const HUB = "Regional administrator, North West Regional Commissioning Hub";

/** A group of 1 to 4 placements: one council's placements in one lot awarded in one month. */
interface SmallGroup {
  councilId: string;
  councilName: string;
  lot: number;
  month: string;
  placements: number;
}

/** The text of every cell of a table, row by row, the row header first. */
async function tableCells(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim())));
}

async function columnHeaders(table: Locator): Promise<string[]> {
  return (await table.locator("thead th").allTextContents()).map((t) => t.trim());
}

/**
 * The page's problems but the API's refusals this journey asks for on purpose (a hand-edited
 * address, another council, nothing published yet), which Chromium logs as console errors.
 */
const unexpected = (problems: PageProblems) =>
  problems.list.filter(
    (p) =>
      !/status of 400 .*\/api\/v1\/insights\/placements\?lot=9/.test(p) &&
      !/status of 403 .*\/api\/v1\/insights\/placements\?council=/.test(p) &&
      !/status of 404 .*\/api\/v1\/public\/insights\//.test(p),
  );

const countText = (count: number | string) => (typeof count === "number" ? count.toLocaleString("en-GB") : count);

/** A month as the form's two boxes. */
async function fillMonth(page: Page, legend: string, month: string) {
  const [year = "", mm = ""] = month.split("-");
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Month").fill(String(Number(mm)));
  await group.getByLabel("Year").fill(year);
}

/** The CSV's lines as cells (a quoted field may hold commas and doubled quotes). */
const csvLines = (text: string) => parseCsvRows(text).map((row) => row.cells);

describeBrowser("Regional insights: figures drawn with their tables, small numbers withheld, and the published summary", () => {
  let server: TestServer;
  let browser: Browser;
  let hubContext: BrowserContext;
  let hub: Page;
  let hubProblems: PageProblems;
  let regionId: string;
  let small: SmallGroup;
  let otherCouncilId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { db, sql } = server.testApp.database.handle;
    const [region] = await sql.query<{ id: string }>("SELECT id FROM regions WHERE name = 'North West'");
    if (!region) throw new Error("The seeded North West region is missing");
    regionId = region.id;
    await seedInsightsHistory(db, { regionId, placements: 400 });
    await refreshAllInsightsFacts(db);
    const [group] = await sql.query<{ council_id: string; name: string; lot: number; month: string; n: number }>(
      `SELECT f.council_id, o.name, f.lot, to_char(f.award_date, 'YYYY-MM') AS month, count(*)::int AS n
         FROM placement_facts f JOIN organisations o ON o.id = f.council_id
        WHERE f.region_id = $1 GROUP BY 1, 2, 3, 4 HAVING count(*) BETWEEN 1 AND 4 ORDER BY n DESC, month, lot LIMIT 1`,
      [regionId],
    );
    if (!group) throw new Error("The synthetic history has no small group of placements");
    const [other] = await sql.query<{ id: string }>("SELECT id FROM organisations WHERE region_id = $1 AND kind = 'council' AND id <> $2 LIMIT 1", [
      regionId,
      group.council_id,
    ]);
    otherCouncilId = other?.id ?? "";
    small = { councilId: group.council_id, councilName: group.name, lot: Number(group.lot), month: group.month, placements: Number(group.n) };

    browser = await launchBrowser();
    hubContext = await browser.newContext();
    hub = await hubContext.newPage();
    hubProblems = collectPageProblems(hub);
  }, 240_000);

  afterAll(async () => {
    await hubContext?.close();
    await browser?.close();
    await server?.close();
  });

  const placementsCounted = (page: Page) => page.locator(".govuk-summary-list__row").filter({ hasText: "Placements counted" }).locator("dd");

  it("the hub sees the region's figures, and every bar of a chart is a number of its table", async () => {
    await signInAsDemoPerson(hub, server.url, HUB);
    await hub.waitForURL(`${server.url}/admin`);
    await hub.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Insights" }).click();
    await hub.getByRole("heading", { level: 1, name: "Placement insights" }).waitFor();
    await hub.locator("section[data-table]").first().waitFor();
    // The count the page shows is the API's, withheld or not (the server decides; see docs/domain/insights.md).
    const api = (await (await hub.request.get(`${server.url}/api/v1/insights/placements`)).json()) as { data: { placements: number | string } };
    expect(await placementsCounted(hub).innerText()).toBe(countText(api.data.placements));
    expect(await hub.locator("main").innerText()).toContain("[c] means the number is 1 to 4");

    // Each chart drawn from the same numbers as its table: a bar's title is "row, column: value", and the table has that value there.
    const sections = hub.locator('section[data-chart="bar"], section[data-chart="grouped-bar"], section[data-chart="heatmap"], section[data-chart="dot"]');
    expect(await sections.count()).toBeGreaterThan(0);
    let checked = 0;
    for (const section of await sections.all()) {
      const table = section.getByRole("table");
      const headers = await columnHeaders(table);
      const cells = await tableCells(table);
      const titles = await section.locator("[data-testid=chart] svg title").allTextContents();
      // Every "row, column: value" the table could have said, [c] never among the drawn.
      const inTable = new Set(cells.flatMap(([row, ...values]) => values.flatMap((v, i) => (v === "[c]" ? [] : [`${row}, ${headers[i + 1]}: ${v}`]))));
      for (const title of titles) expect(inTable.has(title) ? "in the table" : title).toBe("in the table");
      checked += titles.length;
    }
    expect(checked).toBeGreaterThan(0);
    await checkAccessibility(hub);
  }, 120_000);

  it("filters chosen in the form live in the address, and Back returns to the figures before", async () => {
    const lot = LOTS.find((l) => l.number === small.lot);
    await hub.getByLabel("Lot", { exact: true }).selectOption(String(small.lot));
    await hub.getByRole("button", { name: "Apply filters" }).click();
    await hub.waitForURL(new RegExp(`/insights\\?lot=${small.lot}$`));
    await hub
      .locator(".govuk-summary-list__row")
      .filter({ hasText: `Lot ${small.lot}: ${lot?.name}` })
      .waitFor();
    await checkAccessibility(hub);

    await hub.goBack();
    await hub.waitForURL(`${server.url}/insights`);
    await hub.locator(".govuk-summary-list__row").filter({ hasText: "All lots" }).waitFor();
    expect(await hub.getByLabel("Lot", { exact: true }).inputValue()).toBe("");

    // A period that ends before it starts is refused in the form, with the field named.
    await fillMonth(hub, "Awarded from", "2026-05");
    await fillMonth(hub, "Awarded up to", "2026-01");
    await hub.getByRole("button", { name: "Apply filters" }).click();
    await hub.getByRole("alert").getByRole("link", { name: "The period must start on or before its end" }).waitFor();
    expect(await hub.title()).toMatch(/^Error: /);
    expect(hub.url()).toBe(`${server.url}/insights`);
    await hub.getByRole("link", { name: "Clear filters" }).click();
    await hub.getByRole("alert").waitFor({ state: "detached" });
    expect(await hub.getByRole("group", { name: "Awarded from" }).getByLabel("Month").inputValue()).toBe("");

    // An address edited by hand: the API's 400 names each field, and the form shows them.
    await hub.goto(`${server.url}/insights?lot=9&from=2026-13`);
    await hub.getByText("Correct the filters to see the figures.").waitFor();
    const summary = hub.getByRole("alert");
    expect(await summary.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(["#insights-from", "#insights-lot"]);
    expect(await hub.locator("section[data-table]").count()).toBe(0);
    await checkAccessibility(hub);
  }, 60_000);

  it("a filter that would expose a small number shows [c], in the table and in the CSV alike", async () => {
    await fillMonth(hub, "Awarded from", small.month);
    await fillMonth(hub, "Awarded up to", small.month);
    await hub.getByLabel("Lot", { exact: true }).selectOption(String(small.lot));
    await hub.getByLabel("Council", { exact: true }).selectOption(small.councilId);
    await hub.getByRole("button", { name: "Apply filters" }).click();
    await hub.waitForURL(/council=/);
    const address = new URL(hub.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({ from: small.month, to: small.month, lot: String(small.lot), council: small.councilId });
    await hub.locator(".govuk-summary-list__row").filter({ hasText: small.councilName }).waitFor();
    await hub.locator("section[data-table]").first().waitFor();

    expect(await placementsCounted(hub).innerText()).toBe("[c]");
    const tables = await hub.locator("section[data-table]").all();
    const shown: { title: string; cells: string[][] }[] = [];
    for (const section of tables) {
      shown.push({ title: (await section.getByRole("heading").first().innerText()).trim(), cells: await tableCells(section.getByRole("table")) });
    }
    const withheld = shown.flatMap((t) => t.cells.flat()).filter((c) => c === "[c]").length;
    expect(withheld).toBeGreaterThan(0);
    await checkAccessibility(hub);

    // The CSV link carries the same filters, and its tables withhold the same cells.
    const csvHref = await hub.getByRole("link", { name: "Download these figures as a CSV file" }).getAttribute("href");
    expect(csvHref).toBe(`/api/v1/insights/placements.csv${address.search}`);
    const response = await hub.request.get(`${server.url}${csvHref}`);
    expect(response.status()).toBe(200);
    const csv = csvLines(await response.text());
    for (const table of shown) {
      const start = csv.findIndex((line) => line[0] === table.title);
      expect(start).toBeGreaterThanOrEqual(0);
      // The title line, the header, then the rows in the page's order.
      const rows = csv.slice(start + 2, start + 2 + table.cells.length);
      table.cells.forEach((cells, r) => {
        const inPage = cells.map((cell, i) => (cell === "[c]" ? i : -1)).filter((i) => i >= 0);
        const inCsv = (rows[r] ?? []).map((cell, i) => (cell === "[c]" ? i : -1)).filter((i) => i >= 0);
        expect(inCsv).toEqual(inPage);
      });
    }
  }, 90_000);

  it("nobody can read a published summary before the hub publishes one", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = collectPageProblems(page);
      await page.goto(server.url);
      await page.getByRole("region", { name: "North West" }).getByRole("link", { name: "Placements in North West: published figures" }).click();
      await page.getByText("No summary has been published yet.").waitFor();
      expect(page.url()).toBe(`${server.url}/regions/${regionId}/insights`);
      await checkAccessibility(page);
      // The API's 404 for "nothing published" is what the page shows; Chromium logs it as a console error.
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("the hub publishes the region's summary for a period, and anyone reads it without signing in", async () => {
    await hub.getByRole("navigation", { name: "Insights pages" }).getByRole("link", { name: "Published summary" }).click();
    await hub.getByRole("heading", { level: 1, name: "Published regional summary" }).waitFor();
    await hub.getByText("No summary has been published yet.").waitFor();
    await checkAccessibility(hub);
    await fillMonth(hub, "Placements awarded from", "2020-01");
    await fillMonth(hub, "Up to and including", "2029-12");
    await hub.getByRole("button", { name: "Publish the summary" }).click();
    await hub.getByText("The summary for January 2020 to December 2029 is published").waitFor();
    expect(await hub.getByRole("link", { name: "See the summary as the public sees it" }).getAttribute("href")).toBe(`/regions/${regionId}/insights`);
    await checkAccessibility(hub);

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = collectPageProblems(page);
      await page.goto(`${server.url}/regions/${regionId}/insights`);
      await page.getByRole("heading", { level: 1, name: "Placements in the region: published figures" }).waitFor();
      await page.locator("section[data-table]").first().waitFor();
      const api = (await (await page.request.get(`${server.url}/api/v1/public/insights/${regionId}`)).json()) as {
        data: { report: { placements: number | string; tables: unknown[] } };
      };
      expect(await placementsCounted(page).innerText()).toBe(countText(api.data.report.placements));
      expect(await page.locator("section[data-table]").count()).toBe(api.data.report.tables.length);
      expect(await page.locator(".govuk-summary-list__row").filter({ hasText: "Council" }).innerText()).toContain("All councils in the region");
      // No sign-in, and nothing to download or filter: the region's figures as published.
      expect(await page.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThan(0);
      expect(await page.getByRole("button", { name: "Apply filters" }).count()).toBe(0);
      await checkAccessibility(page);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await context.close();
    }
    expect(unexpected(hubProblems)).toEqual([]);
  }, 90_000);

  it("a commissioner sees the region's figures and their own council's, and compares two groups", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = collectPageProblems(page);
      await signInAsDemoPerson(page, server.url, `Commissioner, ${small.councilName}`);
      await page.waitForURL(`${server.url}/commissioner`);
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Insights" }).click();
      await page.getByRole("heading", { level: 1, name: "Placement insights" }).waitFor();
      await page.locator("section[data-table]").first().waitFor();
      const councils = await page.getByLabel("Council", { exact: true }).locator("option").allTextContents();
      expect(councils).toEqual(["All councils in the region", small.councilName]);
      await checkAccessibility(page);

      await page.getByLabel("Council", { exact: true }).selectOption(small.councilId);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(`${server.url}/insights?council=${small.councilId}`);
      await page.locator(".govuk-summary-list__row").filter({ hasText: small.councilName }).waitFor();
      await page.locator("section[data-table]").first().waitFor();
      await checkAccessibility(page);

      // Another council's detail is not theirs to see, whatever the address says.
      await page.goto(`${server.url}/insights?council=${otherCouncilId}`);
      await page
        .getByRole("alert")
        .getByRole("link", { name: /not another council’s|not another council's/ })
        .waitFor();
      expect(await page.locator("section[data-table]").count()).toBe(0);
      await page.goBack();
      await page.locator("section[data-table]").first().waitFor();

      // Their council as the first group (carried over from the figures), high-risk placements of the region as the second.
      await page.getByRole("link", { name: "Compare these placements with another group" }).click();
      await page.getByRole("heading", { level: 1, name: "Compare two groups of placements" }).waitFor();
      const second = page.getByRole("group", { name: "Second group" });
      await second.getByLabel("High-risk placements only").check();
      await page.getByRole("button", { name: "Compare" }).click();
      await page.waitForURL(/bHighRisk=only/);
      expect(new URL(page.url()).searchParams.get("aCouncil")).toBe(small.councilId);
      // The comparison of the groups asked for, not the one the page showed before Compare (it stays until the new one loads).
      await page
        .getByRole("table", { name: "The two groups" })
        .getByRole("row", { name: /Second group .*high risk only/ })
        .waitFor();
      const comparison = page.getByRole("table", { name: "How the two groups compare" });
      await comparison.waitFor();
      expect(await columnHeaders(comparison)).toEqual(["Figure", "First group", "Second group", "Difference", "95% interval of the difference"]);
      expect((await tableCells(comparison)).length).toBeGreaterThan(0);
      // Every figure of the comparison is also drawn, each with a table of the two groups: the same numbers as the comparison's row.
      const figures = page.locator("section[data-table^='compare-']");
      expect(await figures.count()).toBe(await comparison.locator("tbody tr").count());
      const placements = page.locator("section[data-table='compare-placements']");
      const perGroup = await tableCells(placements.getByRole("table"));
      const row = (await comparison.locator("tbody tr").first().locator("td").allTextContents()).map((text) => text.trim());
      expect(perGroup.map((cells) => cells.at(-1))).toEqual([row[0], row[1]]);
      await checkAccessibility(page);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("the hub's administrator changes what counts as high risk; a commissioner and the hub's staff read it and the publication, and change neither", async () => {
    await hub.getByRole("navigation", { name: "Insights pages" }).getByRole("link", { name: "What counts as high risk" }).click();
    await hub.getByRole("heading", { level: 1, name: "What counts as a high-risk placement" }).waitFor();
    await hub.getByText("This is the default definition").waitFor();
    await checkAccessibility(hub);
    const risks = hub.getByLabel("How many current or escalating risks make a placement high risk?");
    await risks.fill("12");
    await hub.getByRole("button", { name: "Save the definition" }).click();
    await hub
      .getByRole("alert")
      .getByRole("link", { name: /from 1 to 11/ })
      .waitFor();
    await risks.fill("4");
    await hub.getByLabel("Lot 6: Alternative provision, registered").check();
    await hub.getByRole("button", { name: "Save the definition" }).click();
    await hub.getByText("The definition is saved").waitFor();
    const rules = await hub.locator(".govuk-summary-list").first().innerText();
    expect(rules).toContain("4 or more risks make a placement high risk");
    expect(rules).toContain("Lot 6, Lot 7");
    await checkAccessibility(hub);
    expect(unexpected(hubProblems)).toEqual([]);

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signInAsDemoPerson(page, server.url, `Commissioner, ${small.councilName}`);
      await page.waitForURL(`${server.url}/commissioner`);
      await page.goto(`${server.url}/insights/high-risk-definition`);
      await page.getByText("4 or more risks make a placement high risk").waitFor();
      expect(await page.getByRole("button", { name: "Save the definition" }).count()).toBe(0);
      await page.getByText("Only the regional hub’s administrators can change the definition.").waitFor();
      await checkAccessibility(page);
    } finally {
      await context.close();
    }

    // The hub's staff who are not its administrators read both, and change neither.
    const staffContext = await browser.newContext();
    try {
      const page = await staffContext.newPage();
      await signInAsDemoPerson(page, server.url, "Staff member, North West Regional Commissioning Hub");
      await page.waitForURL(`${server.url}/admin`);
      await page.goto(`${server.url}/insights/high-risk-definition`);
      await page.getByText("4 or more risks make a placement high risk").waitFor();
      expect(await page.getByRole("button", { name: "Save the definition" }).count()).toBe(0);
      await page.getByRole("navigation", { name: "Insights pages" }).getByRole("link", { name: "Published summary" }).click();
      await page.getByText("January 2020 to December 2029").waitFor();
      await page.getByText("Only the hub’s administrators can publish a summary.").waitFor();
      expect(await page.getByRole("button", { name: "Publish the summary" }).count()).toBe(0);
      await checkAccessibility(page);
    } finally {
      await staffContext.close();
    }
  }, 90_000);
});
