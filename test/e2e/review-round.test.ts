import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildReviewRound } from "../factories/review-rounds";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const MANCHESTER = "Manchester Parent Carer Forum";
const HUB = "Regional administrator, North West Regional Commissioning Hub";
const ROUND = "Lot 2 service specification";
const SECTION = "Keeping in touch with families";
const PROPOSAL = "Weekly video calls as a minimum";
const COMMENT = "Families told us a fixed weekly call matters more than a long one.";

/** The live totals line under the proposal. */
const proposalCard = (page: Page) => page.locator(".govuk-summary-card").filter({ has: page.getByRole("heading", { level: 3, name: PROPOSAL }) });

describeBrowser("Parent carer forums review a framework document together", () => {
  let server: TestServer;
  let browser: Browser;
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let a: Page;
  let b: Page;
  let problemsA: PageProblems;
  let problemsB: PageProblems;
  let roundId: string;
  let otherForum: string;

  beforeAll(async () => {
    server = await startTestServer();
    const { db, sql } = server.testApp.database.handle;
    const [region] = await sql.query<{ id: string }>("SELECT id FROM regions WHERE name = 'North West'");
    const forums = await sql.query<{ id: string; name: string }>(
      "SELECT id, name FROM organisations WHERE kind = 'parent_forum' AND region_id = $1 ORDER BY (name = $2) DESC, name LIMIT 2",
      [region?.id, MANCHESTER],
    );
    const [manchester, other] = forums;
    if (!region || !manchester || manchester.name !== MANCHESTER || !other) throw new Error("The seeded North West forums are missing");
    otherForum = other.name;
    // The Manchester forum has one demo person, so the second member speaks for another forum in the same round.
    const { round } = await buildReviewRound(db, { regionId: region.id, forumIds: [manchester.id, other.id], state: "open" });
    roundId = round.id;

    browser = await launchBrowser();
    contextA = await browser.newContext();
    contextB = await browser.newContext();
    a = await contextA.newPage();
    b = await contextB.newPage();
    problemsA = collectPageProblems(a);
    problemsB = collectPageProblems(b);
  }, 120_000);

  afterAll(async () => {
    await contextA?.close();
    await contextB?.close();
    await browser?.close();
    await server?.close();
  });

  it("two panel members open the round, and one's vote changes the other's totals live", async () => {
    await signInAsDemoPerson(a, server.url, `Panel member, ${MANCHESTER}`);
    await a.waitForURL(`${server.url}/parent-panel`);
    await a.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Review rounds" }).click();
    await a.getByRole("heading", { level: 1, name: "Review rounds" }).waitFor();
    await checkAccessibility(a);
    await a.getByRole("link", { name: ROUND }).click();
    await a.getByRole("heading", { level: 1, name: ROUND }).waitFor();
    expect(a.url()).toBe(`${server.url}/parent-panel/review-rounds/${roundId}`);
    await a.getByRole("heading", { level: 2, name: SECTION }).waitFor();
    await checkAccessibility(a);

    await signInAsDemoPerson(b, server.url, `Panel member, ${otherForum}`);
    await b.waitForURL(`${server.url}/parent-panel`);
    await b.getByRole("link", { name: "Review rounds" }).first().click();
    await b.getByRole("link", { name: ROUND }).click();
    await b.getByRole("heading", { level: 1, name: ROUND }).waitFor();
    await proposalCard(b).getByText("For: 0, against: 0, abstain: 0").waitFor();
    await checkAccessibility(b);

    await proposalCard(a).getByLabel("For", { exact: true }).check();
    await proposalCard(a).getByRole("button", { name: /^Vote/ }).click();
    await proposalCard(a).getByText("For: 1, against: 0, abstain: 0").waitFor();
    // B did not reload: the totals came over the live connection.
    await proposalCard(b).getByText("For: 1, against: 0, abstain: 0").waitFor();
    await checkAccessibility(b);
  }, 90_000);

  it("a comment with a phone number is stopped before it is sent; the clean one appears for the other member live", async () => {
    const section = a.getByRole("region", { name: SECTION });
    await section.getByLabel("Add a comment").fill(`${COMMENT} Call me on 07700 900123.`);
    await section.getByRole("button", { name: "Post comment" }).click();
    const error = a.locator(`[id$="-error"]`).filter({ hasText: "Remove" }).first();
    await error.waitFor();
    expect(await error.innerText()).toMatch(/Remove a phone number/);
    expect(await a.title()).toMatch(/^Error: |Lot 2/);
    await checkAccessibility(a);

    await section.getByLabel("Add a comment").fill(COMMENT);
    const count = section.locator(".govuk-character-count__status").first();
    expect(await count.innerText()).toBe(`You have ${(2000 - COMMENT.length).toLocaleString("en-GB")} characters remaining`);
    await section.getByRole("button", { name: "Post comment" }).click();
    // The posted comment, not the text still in the box while the form resets.
    await section.getByRole("paragraph").filter({ hasText: COMMENT }).waitFor();
    // The box is empty again, and its count says so (it used to keep the count of the text sent).
    await section.locator(".govuk-character-count__status", { hasText: "You have 2,000 characters remaining" }).first().waitFor({ timeout: 5_000 });

    const sectionB = b.getByRole("region", { name: SECTION });
    await sectionB.getByRole("paragraph").filter({ hasText: COMMENT }).waitFor();
    expect(await sectionB.innerText()).toContain(MANCHESTER);
    await checkAccessibility(b);

    // B replies under it.
    await sectionB
      .getByRole("button", { name: /^Reply/ })
      .first()
      .click();
    await sectionB.getByLabel("Your reply").fill("Same for us: a fixed time helps.");
    await sectionB.getByRole("button", { name: "Post reply" }).click();
    await section.getByRole("paragraph").filter({ hasText: "Same for us: a fixed time helps." }).waitFor();
    await checkAccessibility(a);

    problemsA.assertNone();
    problemsB.assertNone();
  }, 90_000);

  it("the regional hub hides a comment with a reason, and groups comments into a theme", async () => {
    const hubContext = await browser.newContext();
    const hub = await hubContext.newPage();
    const hubProblems = collectPageProblems(hub);
    try {
      await signInAsDemoPerson(hub, server.url, HUB);
      await hub.waitForURL(`${server.url}/admin`);
      await hub.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Review rounds" }).click();
      await hub.getByRole("link", { name: ROUND }).click();
      await hub.getByRole("heading", { level: 1, name: ROUND }).waitFor();
      await checkAccessibility(hub);

      const section = hub.getByRole("region", { name: SECTION });
      await section.getByRole("paragraph").filter({ hasText: "Same for us: a fixed time helps." }).waitFor();
      await section.getByRole("button", { name: /^Hide/ }).last().click();
      await section.getByLabel("Why are you hiding it?").fill("Off topic for this section.");
      await section.getByRole("button", { name: "Hide comment" }).click();
      await section.getByText("Hidden by the hub").waitFor();
      await checkAccessibility(hub);

      // The other members see it hidden without reloading.
      await a.getByRole("region", { name: SECTION }).getByText("This comment has been hidden.").waitFor();

      await hub.getByLabel("Theme").fill("Regular contact");
      await hub.getByLabel("What the hub did (the answer)").fill("The specification now asks for a weekly call at a time agreed with the family.");
      await hub.getByRole("group", { name: "Comments in this theme" }).getByLabel(COMMENT).check();
      await hub.getByRole("button", { name: "Add theme" }).click();
      await hub.getByText("You added the theme “Regular contact”").waitFor();
      await checkAccessibility(hub);
      hubProblems.assertNone();
    } finally {
      await hubContext.close();
    }
  }, 90_000);
});
