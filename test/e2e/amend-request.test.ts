import type { Browser, Page } from "playwright-core";
import { buildRequestAt } from "../factories/request-stages";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, describeBrowser, launchBrowser, separatePeople } from "./browser";
import { COUNCIL, fillDateTime, PENNINE } from "./live-request-steps";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const REFERENCE = "MCR-AMEND-0016";
const PENNINE_ORGANISATION = "Pennine Learning Trust (demo)";

describeBrowser("The council amends an open request; the invited provider sees it live; the requests list searches and pages", () => {
  let server: TestServer;
  let browser: Browser;
  const people = separatePeople();
  let council: Page;
  let pennine: Page;
  let requestId: string;
  let reference: string;
  let deadline: Date;
  let childId: string;
  let criterion: { id: string; label: string };

  beforeAll(async () => {
    server = await startTestServer();
    const { db, sql } = server.testApp.database.handle;
    const [found] = await sql.query<{ id: string; region_id: string }>("SELECT id, region_id FROM organisations WHERE kind = 'council' AND name = $1", [
      COUNCIL,
    ]);
    const [provider] = await sql.query<{ id: string }>("SELECT id FROM organisations WHERE name = $1", [PENNINE_ORGANISATION]);
    if (!found || !provider) throw new Error("The demo seed's council or Pennine are missing");
    const staged = await buildRequestAt(db, "open", {
      regionId: found.region_id,
      councilId: found.id,
      providerOrganisationId: provider.id,
      child: { reference: REFERENCE },
    });
    requestId = staged.request.id;
    reference = `PR-${requestId.slice(0, 8).toUpperCase()}`;
    deadline = staged.request.deadline;
    childId = staged.child.id;
    const [first] = staged.request.criteria;
    if (!first) throw new Error("The staged request has no criteria");
    criterion = first;
    // Enough older requests of the council for a second page of the list.
    await sql.query(
      `INSERT INTO placement_requests (organisation_id, child_id, lot_number, mode, state, deadline, quality_weight, price_weight, criteria, created_at)
       SELECT organisation_id, child_id, lot_number, mode, 'cancelled', deadline, quality_weight, price_weight, criteria, created_at - n * interval '1 minute'
       FROM placement_requests, generate_series(1, 21) AS n WHERE id = $1`,
      [requestId],
    );
    browser = await launchBrowser();
    [council, pennine] = [await people.newPage(browser), await people.newPage(browser)];
  }, 120_000);

  afterAll(async () => {
    await people.close();
    await browser?.close();
    await server?.close();
  });

  it("the provider's open page shows when questions close, and no amendment yet", async () => {
    await signInAsDemoPerson(pennine, server.url, PENNINE.person);
    await pennine.waitForURL(`${server.url}/provider`);
    await pennine.goto(`${server.url}/provider/requests/${requestId}`);
    await pennine.getByRole("heading", { level: 1, name: `Placement request from ${COUNCIL}` }).waitFor();
    await pennine.getByText("Questions close", { exact: true }).waitFor();
    expect(await pennine.getByRole("heading", { name: "Amendments" }).count()).toBe(0);
    await pennine.getByLabel("Ask the council a question").waitFor();
    await checkAccessibility(pennine);
  }, 90_000);

  it("the commissioner extends the deadline; the provider's page shows the amendment live", async () => {
    await signInAsDemoPerson(council, server.url, `Commissioner, ${COUNCIL}`);
    await council.waitForURL(`${server.url}/commissioner`);
    await council.goto(`${server.url}/commissioner/requests/${requestId}`);
    await council.getByRole("heading", { level: 1, name: `Placement request for ${REFERENCE}` }).waitFor();
    await council.getByText("Amend this request").click();
    await checkAccessibility(council);

    const later = new Date(deadline.getTime() + 24 * 3_600_000);
    await fillDateTime(council, "New deadline (optional)", later);
    await council.getByLabel("Why are you amending the request?").fill("A provider asked for time to arrange a visit.");
    await council.getByRole("button", { name: "Amend the request" }).click();
    await council.getByText("You amended the request. Every invited provider has been told.").waitFor();
    const amendment = council.locator("[data-amendment='1']");
    await amendment.getByText(/^Deadline extended from .+ to .+\.$/).waitFor();
    await checkAccessibility(council);

    // No reload: the amendment comes over the live connection.
    const seen = pennine.locator("[data-amendment='1']");
    await seen.getByText(/^Deadline extended from .+ to .+\.$/).waitFor({ timeout: 15_000 });
    await seen.getByText("Why: A provider asked for time to arrange a visit.").waitFor();
    expect(await pennine.getByRole("heading", { name: "Amendment 1, amended on" }).count()).toBe(1);
    await checkAccessibility(pennine);
  }, 90_000);

  it("the commissioner rewords a criterion; the provider's page shows the new wording live", async () => {
    const clearer = `${criterion.label}, including weekends and school holidays`;
    const form = council.locator("details", { hasText: "Amend this request" });
    if ((await form.getAttribute("open")) === null) await council.getByText("Amend this request").click();
    const box = council.getByLabel("Criterion 1", { exact: true });
    expect(await box.inputValue()).toBe(criterion.label);

    // Emptied, the criterion is refused before anything is sent.
    await box.fill("");
    await council.getByLabel("Why are you amending the request?").fill("Providers asked what the first criterion covers.");
    await council.getByRole("button", { name: "Amend the request" }).click();
    const summary = council.locator(".govuk-error-summary");
    await summary.getByText("Enter the criterion").waitFor();
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#amend-criterion-0");
    await checkAccessibility(council);

    await box.fill(clearer);
    await council.getByRole("button", { name: "Amend the request" }).click();
    const amendment = council.locator("[data-amendment='2']");
    await amendment.getByText(`Criterion reworded from “${criterion.label}” to “${clearer}”.`).waitFor();

    // No reload: the provider's terms and its amendments list follow.
    const seen = pennine.locator("[data-amendment='2']");
    await seen.getByText(`Criterion reworded from “${criterion.label}” to “${clearer}”.`).waitFor({ timeout: 15_000 });
    await seen.getByText("Why: Providers asked what the first criterion covers.").waitFor();
    await pennine.getByText(clearer, { exact: true }).first().waitFor();
    expect(await pennine.getByText(criterion.label, { exact: true }).count()).toBe(0);
    await checkAccessibility(pennine);
  }, 90_000);

  it("a second request for the child warns that one is open and needs a tick, or shows a GOV.UK error", async () => {
    await council.goto(`${server.url}/commissioner/children/${childId}/placement-request`);
    await council.getByRole("heading", { level: 1, name: "Invite settings to a placement request" }).waitFor();
    const warning = council.locator(".govuk-warning-text");
    await warning.getByText(`${REFERENCE} already has an open placement request (${reference}).`, { exact: false }).waitFor();
    const tick = council.getByLabel(`I want to make another placement request for ${REFERENCE}`);
    expect(await tick.isChecked()).toBe(false);
    await checkAccessibility(council);

    await council.getByRole("button", { name: "Send the request" }).click();
    const summary = council.locator(".govuk-error-summary");
    const message = `Confirm that you want to make another placement request for ${REFERENCE}`;
    await summary.getByRole("link", { name: message }).waitFor();
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#confirm-second-request");
    expect(await council.locator(".govuk-error-message").first().innerText()).toContain(message);
    expect(await council.title()).toMatch(/^Error: /);
    await checkAccessibility(council);

    // Ticked, the missing tick is no longer one of the problems (the deadline still is).
    await tick.check();
    await council.getByRole("button", { name: "Send the request" }).click();
    await summary.getByText("Enter the deadline", { exact: false }).waitFor();
    expect(await summary.getByText(message).count()).toBe(0);
    const [open] = await server.testApp.database.handle.sql.query<{ n: string }>(
      "SELECT count(*) AS n FROM placement_requests WHERE child_id = $1 AND state <> 'cancelled'",
      [childId],
    );
    expect(open?.n).toBe("1");
  }, 90_000);

  it("the council's requests list pages 20 at a time and finds the request by its reference, the query kept in the address", async () => {
    await council.goto(`${server.url}/commissioner/requests`);
    await council.getByRole("heading", { level: 1, name: "Placement requests" }).waitFor();
    await council.getByRole("heading", { name: /^\d+ requests found$/ }).waitFor();
    const pages = council.getByRole("navigation", { name: "Pages of requests" });
    await pages.getByRole("link", { name: "Page 2" }).waitFor();
    expect(await council.getByRole("table").getByRole("row").count()).toBe(21);
    await checkAccessibility(council);

    await pages.getByRole("link", { name: "Next page" }).click();
    await council.waitForURL(/page=2/);
    await council.getByText(/^Showing 21 to /).waitFor();

    await council.getByLabel("Search").fill(reference);
    await council.getByRole("button", { name: "Apply filters" }).click();
    await council.getByRole("heading", { name: "1 request found" }).waitFor();
    expect(new URL(council.url()).searchParams.get("q")).toBe(reference);
    await council.getByRole("link", { name: `${reference} for ${REFERENCE}` }).waitFor();
    await checkAccessibility(council);

    await council.getByLabel("Search").fill("");
    await council.getByLabel("Cancelled").check();
    await council.getByRole("button", { name: "Apply filters" }).click();
    await council.waitForURL(/status=cancelled/);
    await council.getByRole("heading", { name: /^\d+ requests found$/ }).waitFor();
    expect(await council.getByRole("link", { name: `${reference} for ${REFERENCE}` }).count()).toBe(0);
  }, 90_000);
});
