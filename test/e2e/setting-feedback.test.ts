import type { Browser, BrowserContext, Page } from "playwright-core";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const PANEL_MEMBER = "Panel member, Manchester Parent Carer Forum";
const HUB = "Regional administrator, North West Regional Commissioning Hub";
const SETTING = "Pennine Brook School (demo)";
const COMMENT = "Staff took time to learn how our children communicate, and the speech and language therapy is part of every day.";

/** The panel member's row for the setting on "Your feedback". */
const feedbackRow = (page: Page) =>
  page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: SETTING }) });

describeBrowser("Parent carer feedback on a setting", () => {
  let server: TestServer;
  let browser: Browser;
  let panelContext: BrowserContext;
  let panel: Page;
  let panelProblems: PageProblems;
  let settingId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    panelContext = await browser.newContext();
    panel = await panelContext.newPage();
    panelProblems = collectPageProblems(panel);
  }, 120_000);

  afterAll(async () => {
    await panelContext?.close();
    await browser?.close();
    await server?.close();
  });

  it("a panel member is warned about a phone number in the comment, then sends feedback that waits for the hub", async () => {
    await signInAsDemoPerson(panel, server.url, PANEL_MEMBER);
    await panel.waitForURL(`${server.url}/parent-panel`);
    await panel.getByRole("link", { name: "Give feedback on a setting" }).waitFor();
    await checkAccessibility(panel);

    await panel.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Feedback on a setting" }).click();
    await panel.getByRole("heading", { level: 1, name: "Give feedback on a setting" }).waitFor();
    await panel.getByLabel("Setting name").waitFor();
    await checkAccessibility(panel);

    // Nothing typed: the search says what to do.
    await panel.getByRole("button", { name: "Find settings" }).click();
    await panel.locator(".govuk-error-summary").getByText("Enter part of the setting’s name").waitFor();

    await panel.getByLabel("Setting name").fill("pennine brook");
    await panel.getByRole("button", { name: "Find settings" }).click();
    const choice = panel.getByRole("group", { name: "Which setting?" }).getByLabel(new RegExp(`^${SETTING.replace(/[()]/g, "\\$&")}`));
    await choice.check();
    await checkAccessibility(panel);
    await panel.getByRole("button", { name: "Continue" }).click();
    await panel.getByRole("heading", { level: 1, name: SETTING }).waitFor();
    settingId = new URL(panel.url()).searchParams.get("setting") ?? "";
    expect(settingId).toMatch(/^[0-9a-f-]{36}$/);
    await checkAccessibility(panel);

    await panel.getByRole("group", { name: "Meeting children's needs" }).getByLabel("4", { exact: true }).check();
    await panel.getByRole("group", { name: "Communication with families" }).getByLabel("5 (excellent)").check();
    await panel.getByRole("group", { name: "Transitions (starting and leaving)" }).getByLabel("Not rated").check();
    await panel.getByLabel("What have families found?").fill(`${COMMENT} Ring me on 07700 900123 if you want to know more.`);
    await panel.getByRole("button", { name: "Send feedback" }).click();

    // The server's warning about personal data is the comment's own error, linked from the summary.
    const summary = panel.locator(".govuk-error-summary");
    await summary.waitFor();
    const commentError = panel.locator("#comment-error");
    await commentError.waitFor();
    expect(await commentError.innerText()).toMatch(/Remove/);
    expect(await summary.getByRole("link").first().getAttribute("href")).toBe("#comment");
    expect(await panel.title()).toMatch(/^Error: /);
    await checkAccessibility(panel);

    await panel.getByLabel("What have families found?").fill(COMMENT);
    await panel.getByRole("button", { name: "Send feedback" }).click();
    await panel.getByRole("heading", { level: 1, name: "Feedback sent" }).waitFor();
    await panel.getByText("Thank you — the regional hub checks feedback before it counts").waitFor();
    await checkAccessibility(panel);

    await panel.getByRole("link", { name: "See your feedback" }).click();
    await panel.getByRole("heading", { level: 1, name: "Your feedback" }).waitFor();
    const row = feedbackRow(panel);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("Waiting for the hub");
    expect(text).toContain("Meeting children's needs: 4 out of 5");
    expect(text).toContain("Communication with families: 5 out of 5");
    expect(text).not.toContain("Transitions");
    await checkAccessibility(panel);

    // The only 400 is the deliberate one: the comment with a phone number.
    const expectedWarning = (p: string) => p.includes("status of 400") && p.includes(`/api/v1/settings/${settingId}/feedback`);
    expect(panelProblems.list.filter((p) => !expectedWarning(p))).toEqual([]);
  }, 90_000);

  it("the regional hub approves it, and the panel member sees it approved", async () => {
    const hubContext = await browser.newContext();
    const hub = await hubContext.newPage();
    const hubProblems = collectPageProblems(hub);
    try {
      await signInAsDemoPerson(hub, server.url, HUB);
      await hub.waitForURL(`${server.url}/admin`);
      await hub.getByRole("link", { name: "Feedback to check" }).first().waitFor();
      await hub.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Feedback to check" }).click();
      await hub.getByRole("heading", { level: 1, name: "Feedback to check" }).waitFor();
      const card = hub
        .locator(".govuk-summary-card")
        .filter({ has: hub.getByRole("heading", { level: 3, name: SETTING }) })
        .filter({ hasText: COMMENT });
      await card.waitFor();
      const cardText = await card.innerText();
      expect(cardText).toContain("Manchester Parent Carer Forum");
      expect(cardText).toContain("Meeting children's needs: 4 out of 5");
      expect(cardText).not.toContain("Panel member");
      await checkAccessibility(hub);

      await card.getByRole("button", { name: /^Decide/ }).click();
      await card.getByLabel(/^Approve/).check();
      await checkAccessibility(hub);
      await card.getByRole("button", { name: "Save decision" }).click();
      await hub.getByText(`You approved the feedback on ${SETTING}`).waitFor();
      await hub.locator(".govuk-summary-card").filter({ hasText: COMMENT }).waitFor({ state: "detached" });
      await checkAccessibility(hub);

      // One approved review is far from the minimum: the setting page says so without a count.
      await hub.goto(`${server.url}/commissioner/settings/${settingId}`);
      await hub.getByRole("heading", { level: 1, name: SETTING }).waitFor();
      const section = hub.getByRole("region", { name: "Parent carer feedback" });
      await section.getByText(/shown once 5 or more reviews have been checked/).waitFor();
      expect(await section.innerText()).not.toMatch(/Based on/);
      await checkAccessibility(hub);
      hubProblems.assertNone();
    } finally {
      await hubContext.close();
    }

    await panel.reload();
    await panel.getByRole("heading", { level: 1, name: "Your feedback" }).waitFor();
    const row = feedbackRow(panel);
    await row.getByText("Approved").waitFor();
    expect(await row.innerText()).not.toContain("Waiting for the hub");
    await checkAccessibility(panel);
  }, 90_000);
});
