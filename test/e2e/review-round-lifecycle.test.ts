import type { Browser, Page } from "playwright-core";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, describeBrowser, launchBrowser, separatePeople } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const MANCHESTER = "Manchester Parent Carer Forum";
const HUB = "Regional administrator, North West Regional Commissioning Hub";
const ROUND = "Short breaks specification 2027";
const SECTION = "Planning a short break";
const PROPOSAL = "A named contact for every family";
const COMMENT = "Families want to meet the staff before the first stay.";
const THEME = "Meeting staff first";
const ANSWER = "The specification now asks for a visit before every first stay.";

/** A day as the GOV.UK date input takes it, in the browser's time zone (the same machine's). */
const dayParts = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) };
};

async function fillDate(page: Page, legend: string, offsetDays: number) {
  const group = page.getByRole("group", { name: legend });
  const { day, month, year } = dayParts(offsetDays);
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

const yourRound = (page: Page) => page.getByRole("region", { name: "Your review rounds" }).getByRole("listitem").filter({ hasText: ROUND }).first();

describeBrowser("A review round from opening to its public summary", () => {
  let server: TestServer;
  let browser: Browser;
  const people = separatePeople();
  let roundId: string;
  let otherForum: string;

  const newPage = () => people.newPage(browser);

  beforeAll(async () => {
    server = await startTestServer();
    const [other] = await server.testApp.database.handle.sql.query<{ name: string }>(
      "SELECT o.name FROM organisations o JOIN regions r ON r.id = o.region_id WHERE r.name = 'North West' AND o.kind = 'parent_forum' AND o.name <> $1 ORDER BY o.name LIMIT 1",
      [MANCHESTER],
    );
    if (!other) throw new Error("The seeded North West forums are missing");
    otherForum = other.name;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await people.close();
    await browser?.close();
    await server?.close();
  });

  let hub: Page;
  let member: Page;

  it("the regional hub opens a round with the form, after being told what is missing", async () => {
    hub = await newPage();
    await signInAsDemoPerson(hub, server.url, HUB);
    await hub.waitForURL(`${server.url}/admin`);
    await hub.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Review rounds" }).click();
    await hub.getByRole("heading", { level: 2, name: "Open a new review round" }).waitFor();
    await hub.getByRole("button", { name: "Add a proposal" }).waitFor();
    await checkAccessibility(hub);

    await hub.getByRole("button", { name: "Open review round" }).click();
    const summary = hub.locator(".govuk-error-summary");
    await summary.getByRole("link", { name: "Enter a title" }).waitFor();
    await summary.getByRole("link", { name: "Choose at least one Parent Carer Forum" }).waitFor();
    await summary.getByRole("link", { name: "Enter a heading" }).waitFor();
    expect(await hub.title()).toMatch(/^Error: Review rounds/);
    await checkAccessibility(hub);

    await hub.getByRole("group", { name: "Framework" }).getByRole("radio").first().check();
    await hub.getByLabel("Title", { exact: true }).fill(ROUND);
    await hub.getByLabel("Summary", { exact: true }).fill("How short breaks are planned with families.");
    await fillDate(hub, "Opens on", 0);
    await fillDate(hub, "Closes on", 7);
    const forums = hub.getByRole("group", { name: "Parent Carer Forums taking part" });
    await forums.getByLabel(MANCHESTER, { exact: true }).check();
    await forums.getByLabel(otherForum, { exact: true }).check();
    const section = hub.getByRole("group", { name: "Section 1" });
    await section.getByLabel("Heading").fill(SECTION);
    await section.getByLabel("Text", { exact: true }).fill("## Before the first stay\nProviders agree a plan with each family.");
    await hub.getByRole("button", { name: "Add a proposal" }).click();
    await hub.getByRole("group", { name: "Proposal 1" }).getByLabel("Proposal", { exact: true }).fill(PROPOSAL);
    await hub.getByRole("button", { name: "Add a quality criterion" }).click();
    await hub.getByRole("group", { name: "Quality criterion 1" }).getByLabel("Quality criterion", { exact: true }).fill("Families are involved in planning");
    await hub.getByRole("button", { name: "Open review round" }).click();

    await hub.getByRole("heading", { level: 1, name: ROUND }).waitFor();
    await hub.getByText(`You opened the review round “${ROUND}”`).waitFor();
    roundId = new URL(hub.url()).pathname.split("/").at(-1) ?? "";
    expect(hub.url()).toBe(`${server.url}/admin/review-rounds/${roundId}`);
    await hub.getByRole("heading", { level: 2, name: SECTION }).waitFor();
    await checkAccessibility(hub);
  }, 90_000);

  it("a panel member's home shows the open round, and a comment by another member since their last visit", async () => {
    member = await newPage();
    await signInAsDemoPerson(member, server.url, `Panel member, ${MANCHESTER}`);
    await member.waitForURL(`${server.url}/parent-panel`);
    await yourRound(member).getByText("You have not opened it yet.").waitFor();
    await checkAccessibility(member);

    // Opening the round moves the marker; wait for it, as a person would take longer than the request.
    await Promise.all([
      member.waitForResponse((r) => r.url().endsWith(`/review-rounds/${roundId}/visit`)),
      yourRound(member).getByRole("link", { name: ROUND }).click(),
    ]);
    await member.getByRole("heading", { level: 1, name: ROUND }).waitFor();
    const card = member.locator(".govuk-summary-card").filter({ has: member.getByRole("heading", { level: 3, name: PROPOSAL }) });
    await card.getByLabel("For", { exact: true }).check();
    await card.getByRole("button", { name: /^Vote/ }).click();
    await card.getByText("For: 1, against: 0, abstain: 0").waitFor();
    await member.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Home" }).click();
    await yourRound(member).getByText("Nothing new since your last visit.").waitFor();

    const other = await newPage();
    await signInAsDemoPerson(other, server.url, `Panel member, ${otherForum}`);
    await other.waitForURL(`${server.url}/parent-panel`);
    await yourRound(other).getByRole("link", { name: ROUND }).click();
    const region = other.getByRole("region", { name: SECTION });
    await region.getByLabel("Add a comment").fill(COMMENT);
    await region.getByRole("button", { name: "Post comment" }).click();
    await region.getByRole("paragraph").filter({ hasText: COMMENT }).waitFor();

    await member.reload();
    await yourRound(member).getByText("1 new comment since your last visit").waitFor();
    await checkAccessibility(member);
  }, 90_000);

  it("the hub answers a theme and changes the answer; the member's home says so", async () => {
    await hub.reload();
    await hub.getByLabel("Theme", { exact: true }).fill(THEME);
    await hub.getByLabel("What the hub did (the answer)").fill("We will look at this.");
    await hub.getByRole("group", { name: "Comments in this theme" }).getByLabel(COMMENT).check();
    await hub.getByRole("button", { name: "Add theme" }).click();
    await hub.getByText(`You added the theme “${THEME}”`).waitFor();

    await hub.getByRole("button", { name: `Change the theme “${THEME}”` }).click();
    const card = hub.locator(".govuk-summary-card").filter({ has: hub.getByRole("heading", { level: 3, name: THEME }) });
    const answer = card.getByLabel("What the hub did (the answer)");
    expect(await answer.inputValue()).toBe("We will look at this.");
    await answer.fill(ANSWER);
    await checkAccessibility(hub);
    await card.getByRole("button", { name: "Save theme" }).click();
    await hub.getByText(`You changed the theme “${THEME}”`).waitFor();
    await card.getByText(ANSWER).waitFor();
    await checkAccessibility(hub);

    await member.reload();
    await yourRound(member).getByText("1 new theme in “You said, we did”").waitFor();
  }, 90_000);

  it("once the round closes, anyone reads the summary without signing in, and never who said what", async () => {
    // Closing is by the database clock; the test moves the deadline rather than waiting a week.
    await server.testApp.database.handle.sql.query("UPDATE review_rounds SET closes_at = now() WHERE id = $1", [roundId]);
    await member.reload();
    await yourRound(member).getByText("It has closed since your last visit.").waitFor();
    await checkAccessibility(member);

    const visitor = await newPage();
    await visitor.goto(`${server.url}/review-rounds/${roundId}/summary`);
    await visitor.getByRole("heading", { level: 1, name: ROUND }).waitFor();
    const main = visitor.getByRole("main");
    await main.getByRole("heading", { level: 3, name: THEME }).waitFor();
    await main.getByText(ANSWER).waitFor();
    const votes = main.getByRole("table", { name: "Votes on proposals" }).getByRole("row", { name: new RegExp(PROPOSAL) });
    expect((await votes.getByRole("cell").allInnerTexts()).map((t) => t.trim())).toEqual(["1", "0", "0"]);
    await main.getByText("Families are involved in planning").waitFor();
    expect(await visitor.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThan(0);

    const text = await main.innerText();
    expect(text).not.toContain(COMMENT);
    expect(text).not.toMatch(/Panel member|Regional administrator|@/);
    await checkAccessibility(visitor);
    people.assertNoProblems();
  }, 90_000);
});
