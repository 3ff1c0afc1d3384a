import type { Browser, Page } from "playwright-core";
import request from "supertest";
import { closeNow, offerBody } from "../factories/placement-requests";
import { buildSession } from "../factories/sessions";
import { buildUser } from "../factories/users";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, describeBrowser, launchBrowser, separatePeople } from "./browser";
import { declareNoConflict, fillScores } from "./evaluation-steps";
import { COUNCIL, openShortlistRequest, PENNINE, RIBBLE } from "./live-request-steps";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const REFERENCE = "MCR-2026-EVAL";
const NOTE = "Agreed 4 for Moorside: the second evaluator's 3 missed its therapy rooms.";

describeBrowser("Two commissioners evaluate a closed request: declarations, their own scores, moderation, the check page and the report", () => {
  let server: TestServer;
  let browser: Browser;
  const people = separatePeople();
  let first: Page;
  let second: Page;
  let board: string;
  let secondName: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { db, sql } = server.testApp.database.handle;
    const { requestId } = await openShortlistRequest(db, sql, server.url, REFERENCE);
    const invited = await sql.query<{ setting_id: string; organisation_id: string }>(
      "SELECT setting_id, organisation_id FROM request_invitations WHERE request_id = $1",
      [requestId],
    );
    for (const row of invited) {
      const provider = await buildUser(db, { role: "provider", organisationId: row.organisation_id });
      const offered = await request(server.url).post(`/api/v1/placement-requests/${requestId}/offers`).set(provider.auth).send(offerBody(row.setting_id));
      if (offered.status !== 201) throw new Error(`offer not made: ${offered.status} ${JSON.stringify(offered.body)}`);
    }
    await closeNow(db, requestId);
    board = `${server.url}/commissioner/requests/${requestId}`;

    const [council] = await sql.query<{ id: string }>("SELECT id FROM organisations WHERE kind = 'council' AND name = $1", [COUNCIL]);
    const colleague = await buildUser(db, { role: "commissioner", organisationId: council!.id });
    secondName = colleague.user.displayName ?? colleague.user.email;
    browser = await launchBrowser();
    [first, second] = [await people.newPage(browser), await people.newPage(browser)];
    const session = await buildSession(db, server.testApp.env, colleague.user.id);
    const [name = "", value = ""] = session.headers.cookie.split("=");
    await second.context().addCookies([{ name, value, url: server.url }]);
  }, 120_000);

  afterAll(async () => {
    await people.close();
    await browser?.close();
    await server?.close();
  });

  it("each commissioner declares no conflict and scores on their own, with nothing chosen at first and a reason per score", async () => {
    await signInAsDemoPerson(first, server.url, `Commissioner, ${COUNCIL}`);
    await first.waitForURL(`${server.url}/commissioner`);
    await first.goto(board);
    await declareNoConflict(first);
    const section = first.getByRole("region", { name: "Evaluation" });
    // Nothing is preselected: a score is a decision.
    expect(await section.getByRole("radio", { checked: true }).count()).toBe(0);
    await fillScores(first, { [PENNINE.setting]: "5", [RIBBLE.setting]: "2" }, "First");
    await checkAccessibility(first);
    await section.getByRole("button", { name: "Save draft" }).click();
    await first.getByText("Your draft scores were saved.").waitFor();

    await second.goto(board);
    await declareNoConflict(second);
    // The first evaluator's scores and reasons are not shown to the second before moderation.
    expect(await second.content()).not.toContain("First: ");
    await fillScores(second, { [PENNINE.setting]: "3", [RIBBLE.setting]: "2" }, "Second");
    await second.getByRole("region", { name: "Evaluation" }).getByRole("button", { name: "Save draft" }).click();
    await second.getByText("Your draft scores were saved.").waitFor();
    // A reload shows the saved draft.
    await second.reload();
    const saved = second.getByRole("region", { name: "Evaluation" }).getByRole("textbox").first();
    await saved.waitFor();
    expect(await saved.inputValue()).toBe(`Second: ${PENNINE.setting} scores 3 on criterion 1`);
  }, 120_000);

  it("the first starts moderation, sees both evaluators side by side, agrees scores with a note, checks and completes", async () => {
    await first.reload();
    const section = first.getByRole("region", { name: "Evaluation" });
    await section.getByRole("button", { name: "Start moderation" }).click();
    await first.getByText("You started moderation.").waitFor();
    const pennineTable = section.getByRole("table", { name: new RegExp(`evaluators' scores`) }).first();
    const header = await pennineTable.getByRole("row").first().innerText();
    expect(header).toContain(secondName);
    expect(await section.innerText()).toContain("Second: ");
    await checkAccessibility(first);

    await fillScores(first, { [PENNINE.setting]: "4", [RIBBLE.setting]: "2" }, "Agreed");
    await section.getByLabel("Moderation note").fill(NOTE);
    await section.getByRole("button", { name: "Save agreed scores" }).click();
    await first.getByText("The agreed scores were saved.").waitFor();
    await section.getByRole("link", { name: "Check and complete the evaluation" }).click();

    await first.getByRole("heading", { level: 1, name: "Check the agreed scores before completing the evaluation" }).waitFor();
    await first.getByText("You cannot change scores after you complete the evaluation").waitFor();
    expect(await first.getByRole("main").innerText()).toContain(`Agreed: ${PENNINE.setting} scores 4 on criterion 1`);
    await checkAccessibility(first);
    await first.getByRole("button", { name: "Complete evaluation" }).click();
    await first.getByRole("table", { name: "Totals and ranks" }).waitFor();
    const ranks = first.getByRole("table", { name: "Totals and ranks" });
    expect(await ranks.getByRole("row").nth(1).innerText()).toContain(PENNINE.setting);
    expect(await ranks.innerText()).toContain(`Reason: Agreed: ${PENNINE.setting} scores 4 on criterion 1`);
  }, 120_000);

  it("the evaluation report shows every evaluator's scores, the declarations, the agreed scores and the note, and offers the CSV", async () => {
    await first.getByRole("link", { name: "Evaluation report" }).click();
    await first.getByRole("heading", { level: 1, name: "Evaluation report" }).waitFor();
    const main = await first.getByRole("main").innerText();
    for (const text of ["First: ", "Second: ", "Agreed: ", NOTE, secondName]) expect(main).toContain(text);
    expect(await first.getByRole("table", { name: "Declarations of interest" }).getByRole("row").count()).toBe(3);
    const csv = await first.getByRole("link", { name: "Download the report as CSV" }).getAttribute("href");
    expect(csv).toMatch(/\/evaluation-report\.csv$/);
    await checkAccessibility(first);
    expect(await first.getByRole("banner").isVisible()).toBe(true);
    // Printed, the service's header and the links away are left out.
    await first.emulateMedia({ media: "print" });
    expect(await first.getByRole("banner").isVisible()).toBe(false);
    expect(await first.getByRole("heading", { level: 1, name: "Evaluation report" }).isVisible()).toBe(true);
    expect(await first.getByRole("link", { name: "Download the report as CSV" }).isVisible()).toBe(false);
    await first.emulateMedia({ media: "screen" });
    people.assertNoProblems();
  }, 60_000);
});
