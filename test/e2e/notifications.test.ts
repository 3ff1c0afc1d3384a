import { pino } from "pino";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Repeating } from "../../server/src/lib/repeat";
import { startOutboxWorker } from "../../server/src/modules/notifications/outbox-worker";
import { buildMarket, type Market, openRequest } from "../factories/placement-requests";
import { buildSession } from "../factories/sessions";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describeBrowser("Notifications: a provider's header count changes live, the notification opens its request and is then read", () => {
  let server: TestServer;
  let browser: Browser;
  let worker: Repeating;
  let market: Market;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    server = await startTestServer();
    // The outbox worker publishes notification:new after commit, as every node's does (server/src/main.ts).
    worker = startOutboxWorker({
      db: server.testApp.database.handle.db,
      env: server.testApp.env,
      logger: pino({ level: "silent" }),
      live: server.testApp.built.live,
      everyMs: 200,
    });
    market = await buildMarket(server.testApp.database.handle.db, { providers: 1 });
    browser = await launchBrowser();
    const provider = market.providers[0]!.person;
    const session = await buildSession(server.testApp.database.handle.db, server.testApp.env, provider.user.id);
    const [name = "", value = ""] = session.headers.cookie.split("=");
    context = await browser.newContext();
    await context.addCookies([{ name, value, url: server.url }]);
    page = await context.newPage();
    problems = collectPageProblems(page);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await worker?.stop();
    await server?.close();
  });

  afterEach(() => problems.assertNone());

  /** The header's "Notifications (n)" link, its visually hidden "unread" heard by screen readers. */
  const headerLink = (name: string) =>
    page
      .getByRole("navigation", { name: "Your account" })
      .getByRole("link", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&").replace(" unread", "\\s*unread\\s*")}$`) });

  it("shows the unread count in the header, and a new invitation raises it without a reload", async () => {
    await page.goto(`${server.url}/provider`);
    await headerLink("Notifications (0 unread)").waitFor();
    // Nothing reloads the page: the count below can only come over /live.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const { request } = await openRequest(server.url, market);
    await headerLink("Notifications (1 unread)").waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    await headerLink("Notifications (1 unread)").click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    const item = page.getByRole("listitem").filter({ hasText: "is invited to placement request" });
    await item.getByText("Unread").waitFor();
    await checkAccessibility(page);

    await item.getByRole("link").click();
    await page.waitForURL(`${server.url}/provider/requests/${request.id}`);
    await headerLink("Notifications (0 unread)").waitFor();

    await headerLink("Notifications (0 unread)").click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "is invited to placement request" }).waitFor();
    expect(await page.getByText("Unread", { exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Mark all as read" }).count()).toBe(0);
  }, 60_000);

  it("lets the provider choose how they are told, with the kinds that cannot wait shown as fixed", async () => {
    await page.getByRole("link", { name: "Choose how you are told of each kind of notification" }).click();
    await page.getByRole("heading", { level: 1, name: "How you are told" }).waitFor();
    await page.getByText("Always e-mailed straight away").waitFor();
    await checkAccessibility(page);

    const invited = page.getByRole("group", { name: "Your setting is invited to a placement request" });
    await invited.getByLabel("Only in Placement Exchange").check();
    await page.getByRole("button", { name: "Save your choices" }).click();
    await page.getByText("Your choices are saved.").waitFor();
    expect(await page.getByRole("group", { name: "Your setting is invited to a placement request" }).getByLabel("Only in Placement Exchange").isChecked()).toBe(
      true,
    );
    // The always e-mailed kinds are not offered as choices.
    expect(await page.getByRole("group", { name: "The outcome of a request you responded to" }).count()).toBe(0);
  }, 60_000);

  it("shows the hub, in development, the invitation e-mail as it would read (no Notify key: nothing is sent)", async () => {
    const session = await buildSession(server.testApp.database.handle.db, server.testApp.env, market.hub.user.id);
    const [name = "", value = ""] = session.headers.cookie.split("=");
    const hubContext = await browser.newContext();
    try {
      await hubContext.addCookies([{ name, value, url: server.url }]);
      const hub = await hubContext.newPage();
      const hubProblems = collectPageProblems(hub);
      await hub.goto(`${server.url}/dev/outbox`);
      await hub.getByRole("heading", { level: 1, name: "E-mails that would be sent" }).waitFor();
      const email = hub.getByRole("region").filter({ hasText: market.providers[0]!.person.user.email });
      await email.getByRole("heading", { name: /is invited to placement request/ }).waitFor();
      await checkAccessibility(hub);
      hubProblems.assertNone();
    } finally {
      await hubContext.close();
    }
  }, 60_000);
});
