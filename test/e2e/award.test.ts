import type { Browser, Page } from "playwright-core";
import request from "supertest";
import { requestReference } from "@shared/tenders/request-reference";
import { evaluateViaApi } from "../factories/evaluation";
import { closeNow, inSeconds, offerBody } from "../factories/placement-requests";
import { endStandstill } from "../factories/request-stages";
import { buildUser } from "../factories/users";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, describeBrowser, launchBrowser, type PageProblems, separatePeople } from "./browser";
import { childWithShortlist, COUNCIL, PENNINE, RIBBLE } from "./live-request-steps";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const REFERENCE = "MCR-2026-AWARD";
const REASONS = "The strongest answer on section F, within the band.";
const WITHDRAWN = "The family asked for a later start date.";

/** Chromium logs every 4xx as a console error: the refusal the test asked for is taken off the list, and must have happened. */
function expectRefusal(problems: PageProblems | undefined, status: number, path: RegExp): void {
  const index = problems?.list.findIndex((p) => p.includes(`status of ${status}`) && path.test(p)) ?? -1;
  expect(index).toBeGreaterThanOrEqual(0);
  problems?.list.splice(index, 1);
}

/** The provider's inbox row of the request, as text. */
async function inboxRow(page: Page, base: string, reference: string): Promise<string> {
  await page.goto(`${base}/provider/requests`);
  const link = page.getByRole("link", { name: new RegExp(`^${reference} from ${COUNCIL}`) });
  await link.waitFor();
  return page.getByRole("row").filter({ has: link }).innerText();
}

describeBrowser("Intention to award, standstill and the award: the council, the winning provider and the other", () => {
  let server: TestServer;
  let browser: Browser;
  const people = separatePeople();
  let council: Page;
  let pennine: Page;
  let ribble: Page;
  let requestId: string;
  let reference: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { db, sql } = server.testApp.database.handle;
    // An evaluated request of the demo council (8 days of standstill) with offers from both lot 2 demo providers, Pennine's the stronger.
    const childId = await childWithShortlist(db, sql, REFERENCE);
    const [manchester] = await sql.query<{ id: string }>("SELECT id FROM organisations WHERE kind = 'council' AND name = $1", [COUNCIL]);
    const evaluator = await buildUser(db, { role: "commissioner", organisationId: manchester!.id });
    const shortlist = await sql.query<{ setting_id: string; organisation_id: string; name: string }>(
      "SELECT c.setting_id, s.organisation_id, s.name FROM child_shortlists c JOIN settings s ON s.id = c.setting_id WHERE c.child_id = $1",
      [childId],
    );
    const made = await request(server.url)
      .post("/api/v1/placement-requests")
      .set(evaluator.auth)
      .send({ childId, settingIds: shortlist.map((s) => s.setting_id), deadline: inSeconds(3600) });
    requestId = made.body.data.request.id as string;
    reference = requestReference(requestId);
    for (const s of shortlist) {
      const author = await buildUser(db, { role: "provider", organisationId: s.organisation_id });
      const sent = await request(server.url)
        .post(`/api/v1/placement-requests/${requestId}/offers`)
        .set(author.auth)
        .send(offerBody(s.setting_id, { justification: "Two waking night staff are needed." }));
      expect(sent.status).toBe(201);
    }
    await closeNow(db, requestId);
    const opened = await request(server.url).get(`/api/v1/placement-requests/${requestId}`).set(evaluator.auth);
    const offers = opened.body.data.offers as { id: string; settingName: string }[];
    const criteria = opened.body.data.request.criteria as { id: string }[];
    const scores = offers.flatMap((o) => criteria.map((c) => ({ offerId: o.id, criterionId: c.id, score: o.settingName === PENNINE.setting ? 5 : 2 })));
    expect((await evaluateViaApi(server.url, evaluator.auth, requestId, scores)).status).toBe(200);
    browser = await launchBrowser();
    [council, pennine, ribble] = [await people.newPage(browser), await people.newPage(browser), await people.newPage(browser)];
  }, 120_000);

  afterAll(async () => {
    await people.close();
    await browser?.close();
    await server?.close();
  });

  it("the commissioner records the intention to award, sees the standstill, cannot confirm before it ends, then confirms", async () => {
    await signInAsDemoPerson(council, server.url, `Commissioner, ${COUNCIL}`);
    await council.goto(`${server.url}/commissioner/requests/${requestId}`);
    await council.getByRole("heading", { name: "Intention to award" }).waitFor();
    await council.getByText("The award waits for a standstill period of 8 calendar days").waitFor();
    await council.getByLabel(/^Rank 1: /).check();
    await council.getByLabel("Reasons for the award").fill(REASONS);
    await council.getByRole("button", { name: "Record the intention to award" }).click();
    await council.getByText("You recorded the intention to award. Every provider that offered has been told.").waitFor();
    const standstill = council.getByRole("region", { name: "Intention to award: standstill" });
    expect(await standstill.innerText()).toMatch(/Standstill ends\s+midnight at the end of [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} \(UK time\)/);
    expect(await standstill.innerText()).toContain("Pennine Learning Trust (demo)");
    await checkAccessibility(council);

    // Withdrawn with a reason, the request waits for an award again and says who withdrew it, when and why.
    await council.getByLabel("Why are you withdrawing the intention to award?").fill(WITHDRAWN);
    await council.getByRole("button", { name: "Withdraw the intention to award" }).click();
    await council.getByText("You withdrew the intention to award. Every provider that offered has been told.").waitFor();
    const withdrawn = await council.getByRole("region", { name: "Intention to award withdrawn" }).innerText();
    expect(withdrawn).toMatch(new RegExp(`Commissioner, ${COUNCIL} withdrew the intention to award on \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}\\.`));
    expect(withdrawn).toContain(WITHDRAWN);
    expect(withdrawn).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await checkAccessibility(council);
    await council.getByLabel(/^Rank 1: /).check();
    await council.getByLabel("Reasons for the award").fill(REASONS);
    await council.getByRole("button", { name: "Record the intention to award" }).click();
    await council.getByRole("region", { name: "Intention to award: standstill" }).waitFor();
    expect(await council.getByRole("region", { name: "Intention to award withdrawn" }).count()).toBe(0);

    await council.getByRole("button", { name: "Confirm the award" }).click();
    await council
      .locator(".govuk-error-summary")
      .getByText(/The standstill period ends at midnight at the end of/)
      .waitFor();
    await checkAccessibility(council);
    expectRefusal(people.problems[0], 409, /\/award\/confirm/);

    await endStandstill(server.testApp.database.handle.db, requestId);
    await council.getByRole("button", { name: "Confirm the award" }).click();
    await council.getByText("You confirmed the award. The placement is made and every provider has been told.").waitFor();
    await council.getByRole("region", { name: "The placement" }).waitFor();
    await checkAccessibility(council);
    people.assertNoProblems();
  }, 90_000);

  it("the winning provider reads Successful in its inbox, its next steps and a print-friendly award letter", async () => {
    await signInAsDemoPerson(pennine, server.url, PENNINE.person);
    const row = await inboxRow(pennine, server.url, reference);
    expect(row).toContain("Successful");
    expect(row).not.toContain("Unsuccessful");
    // When it closed, in words: never an ISO timestamp.
    expect(row).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}/);
    expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await checkAccessibility(pennine);

    await pennine.getByRole("link", { name: new RegExp(`^${reference}`) }).click();
    await pennine.getByRole("heading", { name: "Outcome: your offer was successful" }).waitFor();
    await pennine.getByRole("heading", { name: "Next steps" }).waitFor();
    await pennine.getByText(`Quote the request’s reference, ${reference}.`).waitFor();
    await pennine.getByText("£1,600.00").first().waitFor();
    // The demo council's placements contact (from the seed), not "Not given".
    const nextSteps = await pennine.locator("main").innerText();
    expect(nextSteps).toMatch(/Council’s e-mail\s+placements@manchester\.example\.gov\.uk/);
    expect(nextSteps).toMatch(/Council’s phone\s+0161 496 0\d{3}/);
    await checkAccessibility(pennine);

    await pennine.getByRole("link", { name: "Read and print the award letter" }).click();
    await pennine.getByRole("heading", { level: 1, name: `Award letter: placement request ${reference}` }).waitFor();
    const letter = await pennine.locator("main").innerText();
    expect(letter).toContain(REASONS);
    expect(letter).toContain("£1,600.00");
    expect(letter).not.toContain(REFERENCE);
    expect(letter).toContain("placements@manchester.example.gov.uk");
    expect(letter).not.toContain("Not given");
    await checkAccessibility(pennine);
    // Printed, the letter keeps its words and drops the buttons and links around it.
    await pennine.emulateMedia({ media: "print" });
    expect(await pennine.getByRole("button", { name: "Print this letter" }).isVisible()).toBe(false);
    expect(await pennine.getByRole("link", { name: "Back to the request" }).isVisible()).toBe(false);
    expect(await pennine.getByRole("heading", { level: 1 }).isVisible()).toBe(true);
    expect(await pennine.getByRole("navigation", { name: "Menu" }).isVisible()).toBe(false);
    await pennine.emulateMedia({ media: "screen" });
    people.assertNoProblems();
  }, 90_000);

  it("the other provider reads Unsuccessful, with the successful provider's name and none of its scores", async () => {
    await signInAsDemoPerson(ribble, server.url, RIBBLE.person);
    expect(await inboxRow(ribble, server.url, reference)).toContain("Unsuccessful");
    await checkAccessibility(ribble);
    await ribble.getByRole("link", { name: new RegExp(`^${reference}`) }).click();
    await ribble.getByRole("heading", { name: "Outcome: your offer was not successful" }).waitFor();
    await ribble.getByText("The placement was awarded to Pennine Learning Trust (demo).").waitFor();
    expect(await ribble.getByRole("link", { name: "Read and print the award letter" }).count()).toBe(0);
    expect(await ribble.getByRole("heading", { name: "Next steps" }).count()).toBe(0);
    await checkAccessibility(ribble);
    people.assertNoProblems();
  }, 90_000);
});
