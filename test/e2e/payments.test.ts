import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { parseCsvRows } from "../../server/src/lib/csv";
import { type BillingWorld, buildBillingWorld } from "../factories/payments";
import { buildSession } from "../factories/sessions";
import { buildUser } from "../factories/users";
import { startTestServer } from "../setup/test-server";
import { startStripeServer, STRIPE_TEST_ENV, type StripeServer } from "../support/stripe-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The text of every cell of a table's body, row by row, the row header first. */
async function tableCells(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())));
}

const tableCaptioned = (page: Page, caption: string) => page.locator("table").filter({ has: page.locator("caption", { hasText: caption }) });

/** The cells of the table with this caption, once it shows. */
async function rowsOf(page: Page, caption: string): Promise<string[][]> {
  const table = tableCaptioned(page, caption);
  await table.waitFor();
  return tableCells(table);
}

/** The invoices the page lists, by the record each row is for. */
const listedInvoices = (page: Page) => page.locator("tr[data-invoice]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-invoice")));

/** The CSV's lines as cells (a quoted field may hold commas and doubled quotes). */
const csvLines = (text: string) => parseCsvRows(text).map((row) => row.cells);

describeBrowser("Payments: a council's invoices, one invoice's lines, the CSV, what waits for a provider, and the provider's page", () => {
  let server: TestServer;
  let stripe: StripeServer;
  let browser: Browser;
  let world: BillingWorld;
  const contexts: BrowserContext[] = [];
  const problems: PageProblems[] = [];

  /** A page signed in as `userId` (a session as the sign-in callback stores one), its problems collected. */
  async function pageFor(userId: string): Promise<Page> {
    const session = await buildSession(server.testApp.database.handle.db, server.testApp.env, userId);
    const [name = "", value = ""] = session.headers.cookie.split("=");
    const context = await browser.newContext();
    contexts.push(context);
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    problems.push(collectPageProblems(page));
    return page;
  }

  beforeAll(async () => {
    // The pages read what billing and Stripe's webhooks stored; only onboarding and Checkout call Stripe (the test server).
    stripe = await startStripeServer();
    server = await startTestServer({ env: STRIPE_TEST_ENV(stripe.url) });
    world = await buildBillingWorld(server.testApp.database.handle.db);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    await stripe?.close();
  });

  afterEach(() => {
    for (const p of problems) p.assertNone();
  });

  let council: Page;

  it("a commissioner sees their council's invoices only, each status in words, the overdue one tagged Overdue", async () => {
    council = await pageFor(world.councilA.person.user.id);
    await council.goto(`${server.url}/commissioner`);
    await council.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Payments" }).click();
    await council.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    await tableCaptioned(council, "All invoices").waitFor();

    const { aprilPaid, mayOverdue, juneOpen, julyPending, councilBMay } = world.invoices;
    expect(new Set(await listedInvoices(council))).toEqual(new Set([aprilPaid, mayOverdue, juneOpen, julyPending]));
    // The other council's, and another region's, are nowhere on the page.
    const main = await council.locator("main").innerText();
    expect(main).not.toContain(world.councilB.name);
    for (const id of [councilBMay, world.other.invoiceId]) expect(await council.locator(`[data-invoice="${id}"]`).count()).toBe(0);

    const tagOf = (id: string) => council.locator(`tr[data-invoice="${id}"] .govuk-tag`);
    expect(await tagOf(mayOverdue).innerText()).toBe("Overdue");
    expect(await tagOf(mayOverdue).getAttribute("class")).toContain("govuk-tag--red");
    expect(await tagOf(aprilPaid).innerText()).toBe("Paid");
    expect(await tagOf(juneOpen).innerText()).toBe("Open");
    expect(await tagOf(julyPending).innerText()).toBe("Draft");

    // Stripe's hosted page to pay, in the same tab, with no referrer; none yet for the invoice not sent.
    const pay = council.locator(`tr[data-invoice="${mayOverdue}"]`).getByRole("link", { name: /View and pay on Stripe/ });
    expect(await pay.getAttribute("href")).toMatch(/^https:\/\/invoice\.stripe\.test\//);
    expect(await pay.getAttribute("rel")).toBe("noreferrer");
    expect(await pay.getAttribute("target")).toBeNull();
    expect(
      await council
        .locator(`tr[data-invoice="${julyPending}"]`)
        .getByRole("link", { name: /Stripe/ })
        .count(),
    ).toBe(0);

    // Totals: four invoices of £9,000 each, April paid, May overdue, less the £200 credit issued.
    const totals = await council
      .locator(".govuk-summary-list__row")
      .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.querySelector("dt")?.textContent?.trim(), r.querySelector("dd")?.textContent?.trim()])));
    expect(totals).toMatchObject({ Invoiced: "£36,000.00", Paid: "£9,000.00", Overdue: "£9,000.00" });
    await checkAccessibility(council);
  }, 120_000);

  it("filters by month in the address, opens an invoice and sees its lines with the children's references and its credit", async () => {
    const group = council.getByRole("group", { name: "Month billed" });
    await group.getByLabel("Month").fill("5");
    await group.getByLabel("Year").fill("2026");
    await council.getByRole("button", { name: "Apply filters" }).click();
    await council.waitForURL(/\/payments\?month=2026-05$/);
    await tableCaptioned(council, "Invoices matching the filters").waitFor();
    expect(await listedInvoices(council)).toEqual([world.invoices.mayOverdue]);

    // A month that is not one is refused in the form, the field named, and the address left as it was.
    await group.getByLabel("Month").fill("13");
    await council.getByRole("button", { name: "Apply filters" }).click();
    await council.getByRole("alert").getByRole("link", { name: "The month must be a real month and year, like 4 2026" }).waitFor();
    expect(council.url()).toMatch(/\?month=2026-05$/);

    await council.locator(`tr[data-invoice="${world.invoices.mayOverdue}"] th a`).click();
    await council.getByRole("heading", { level: 1, name: /^Invoice PX-/ }).waitFor();
    const { a1, a2 } = world.placements;
    const lines = await rowsOf(council, "Each placement and period billed");
    expect(lines.map((row) => [row[0], row[4]]).sort()).toEqual(
      [
        [world.childReferences[a1], "£6,000.00"],
        [world.childReferences[a2], "£3,000.00"],
      ].sort(),
    );
    const credits = await rowsOf(council, "Credit notes against this invoice");
    expect(credits).toEqual([["1 May 2026 to 31 May 2026", expect.any(String) as string, "Not issued yet", "-£150.00"]]);
    await checkAccessibility(council);
  }, 60_000);

  it("downloads the CSV for the finance system with the same invoices, and sees why a placement is not invoiced yet", async () => {
    await council.getByRole("link", { name: "Back to payments" }).click();
    const csvLink = council.getByRole("link", { name: "Download CSV for your finance system" });
    const href = await csvLink.getAttribute("href");
    expect(href).toBe("/api/v1/payments/invoices.csv");
    const [download] = await Promise.all([council.waitForEvent("download"), csvLink.click()]);
    const path = await download.path();
    const [header = [], ...rows] = csvLines(await readFile(path, "utf8")).filter((r) => r.some((c) => c !== ""));
    const column = (name: string) => header.indexOf(name);
    expect(column("Child reference")).toBeGreaterThan(0);
    // A row per invoice line (two placements on each of the four invoices), and one per credit note Stripe has issued, negative.
    const lines = rows.filter((r) => r[0] === "Invoice line");
    const credits = rows.filter((r) => r[0] === "Credit note");
    expect(lines).toHaveLength(8);
    expect(credits.map((r) => r[column("Amount (£)")])).toEqual(["-200.00"]);
    const { a1, a2 } = world.placements;
    expect(new Set(lines.map((r) => r[column("Child reference")]))).toEqual(new Set([world.childReferences[a1], world.childReferences[a2]]));
    // The same invoices as the page: its own council's only.
    expect(new Set(rows.map((r) => r[column("Council")]))).toEqual(new Set([world.councilA.name]));
    const numbersShown = await council.locator("tr[data-invoice] td:nth-child(3)").allInnerTexts();
    const numbersInCsv = new Set(lines.map((r) => r[column("Invoice number")]).filter(Boolean));
    expect(new Set(numbersShown.filter((n) => n.startsWith("PX-")))).toEqual(numbersInCsv);

    const cells = await rowsOf(council, "Placements waiting for their provider");
    expect(cells).toHaveLength(1);
    const [row = []] = cells;
    expect(row[0]).toBe(world.childReferences[world.placements.waiting]);
    expect(row[2]).toBe(world.unconnected.name);
    expect(row[5]?.length).toBeGreaterThan(10);
    await checkAccessibility(council);
  }, 60_000);

  it("the council changes a placement's weekly fee on its page, in pounds, and sees the history", async () => {
    await council.goto(`${server.url}/commissioner/placements/${world.placements.a1}`);
    await council.getByRole("heading", { level: 2, name: "Weekly fee" }).waitFor();
    const history = tableCaptioned(council, "The weekly fee from each date it changed");
    expect(await rowsOf(council, "The weekly fee from each date it changed")).toEqual([["1 April 2026", "£1,400.00", "The fee agreed at the award"]]);

    await council.locator("summary").getByText("Change the fee", { exact: true }).click();
    const form = council.locator("form").filter({ has: council.getByLabel("New weekly fee, in pounds") });
    // Not an amount of money: said in pounds, the field named.
    await form.getByLabel("New weekly fee, in pounds").fill("a lot");
    await form.getByRole("button", { name: "Change the fee" }).click();
    await council.getByRole("alert").getByRole("link", { name: "Enter the new weekly fee in pounds, like 1250.00" }).waitFor();

    const date = council.getByRole("group", { name: "New fee starts on" });
    await date.getByLabel("Day").fill("1");
    await date.getByLabel("Month").fill("6");
    await date.getByLabel("Year").fill("2026");
    await form.getByLabel("New weekly fee, in pounds").fill("1,500");
    await form.getByLabel("Why the fee changes").fill("Extra support hours agreed at the review");
    await form.getByRole("button", { name: "Change the fee" }).click();
    await council.getByText("The weekly fee is £1,500.00 from 1 June 2026").waitFor();
    expect(await tableCells(history)).toEqual([
      ["1 April 2026", "£1,400.00", "The fee agreed at the award"],
      ["1 June 2026", "£1,500.00", "Extra support hours agreed at the review"],
    ]);
    await checkAccessibility(council);
  }, 60_000);

  it("the hub sees what is pending and why, totals by council, providers that cannot be paid, saves the billing settings and bills now", async () => {
    const hub = await pageFor(world.hub.user.id);
    await hub.goto(`${server.url}/admin`);
    await hub.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Payments" }).click();
    await hub.getByRole("heading", { level: 1, name: "Payments" }).waitFor();
    const pending = await rowsOf(hub, "Invoices not yet sent through Stripe");
    expect(pending).toEqual([
      [
        expect.stringContaining("July 2026") as string,
        world.councilA.name,
        world.connected.name,
        "£9,000.00",
        "3",
        "Stripe could not be reached (503); retrying",
      ],
    ]);
    const byCouncil = await rowsOf(hub, "By council");
    expect(byCouncil.find((row) => row[0] === world.councilA.name)?.[1]).toBe("£36,000.00");
    const providers = await rowsOf(hub, "Providers’ Stripe accounts");
    expect(providers.find((row) => row[0] === world.unconnected.name)?.[5]).toMatch(/^No: ./);
    expect(providers.find((row) => row[0] === world.connected.name)?.[5]).toBe("Yes");
    const memberships = await rowsOf(hub, "Memberships");
    expect(memberships.find((row) => row[0] === world.unconnected.name)?.[1]).toBe("Not paid");
    await checkAccessibility(hub);

    // Every problem at once, each linked to its field; nothing is sent.
    const levy = hub.getByLabel("Framework levy, in basis points");
    expect(await levy.inputValue()).toBe("500");
    await hub.getByText("500 basis points is 5%.").waitFor();
    await levy.fill("2500");
    await hub.getByRole("group", { name: "Billing starts on" }).getByLabel("Day").fill("15");
    await hub.getByRole("button", { name: "Save billing settings" }).click();
    const summary = hub.getByRole("alert");
    await summary.waitFor();
    expect(await summary.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(["#billing-starts-on", "#billing-levy"]);
    await summary.getByRole("link", { name: "Billing must start on the first day of a period; the nearest is 2026-04-01" }).waitFor();

    await levy.fill("250");
    await hub.getByRole("group", { name: "Billing starts on" }).getByLabel("Day").fill("1");
    await hub.getByRole("button", { name: "Save billing settings" }).click();
    await hub.getByText("The billing settings are saved").waitFor();
    await hub.getByText("250 basis points is 2.5%.").waitFor();
    const saved = (await (await hub.request.get(`${server.url}/api/v1/payments/settings`)).json()) as { data: { levyBasisPoints: number } };
    expect(saved.data.levyBasisPoints).toBe(250);
    await checkAccessibility(hub);

    // Billing on demand: what the schedule would do next, through the Stripe test server, and the result said.
    await hub.getByRole("button", { name: "Bill now" }).click();
    const banner = hub.locator(".govuk-notification-banner__heading").filter({ hasText: "Billing run done" });
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/^Billing run done: \d+ invoices? and \d+ credit notes? created, \d+ sent through Stripe, \d+ still pending$/);
    expect(stripe.requests.some((r) => r.method === "POST" && r.path === "/v1/invoices")).toBe(true);
  }, 60_000);

  it("a provider sees its Stripe account, what it is owed, and the invoices for its placements without any child's reference", async () => {
    const provider = await pageFor(world.connected.person.user.id);
    await provider.goto(`${server.url}/payments`);
    await provider.getByRole("heading", { level: 1, name: "Payments" }).waitFor();
    await provider.getByRole("heading", { name: "Getting paid through Stripe" }).waitFor();
    const connected = provider.locator(".govuk-summary-list__row").filter({ hasText: "Connected to Stripe" }).locator("dd");
    expect(await connected.innerText()).toBe("Yes");
    await tableCaptioned(provider, "All invoices").waitFor();
    // Both councils' invoices to this provider, and the open ones as payouts expected.
    const listed = new Set(await listedInvoices(provider));
    for (const id of [world.invoices.mayOverdue, world.invoices.councilBMay]) expect(listed.has(id)).toBe(true);
    await tableCaptioned(provider, "Open invoices for your placements").waitFor();
    const main = await provider.locator("main").innerText();
    for (const reference of Object.values(world.childReferences)) expect(main).not.toContain(reference);
    await checkAccessibility(provider);

    // The provider's own invoice page names no child either.
    await provider.locator(`tr[data-invoice="${world.invoices.mayOverdue}"] th a`).first().click();
    await provider.getByRole("heading", { level: 1, name: /^Invoice PX-/ }).waitFor();
    const invoicePage = await provider.locator("main").innerText();
    for (const reference of Object.values(world.childReferences)) expect(invoicePage).not.toContain(reference);
  }, 60_000);
  it("a provider's administrator connects with Stripe, comes back to the return page, and the council's placement no longer waits", async () => {
    const { db, sql } = server.testApp.database.handle;
    const admin = await buildUser(db, { role: "provider", orgAdmin: true, organisationId: world.unconnected.organisationId });
    const provider = await pageFor(admin.user.id);
    await provider.goto(`${server.url}/payments`);
    await provider.getByRole("heading", { name: "Getting paid through Stripe" }).waitFor();
    const inset = provider.locator(".govuk-inset-text").filter({ hasText: "Your placements cannot be invoiced yet" });
    await inset.waitFor();
    // Membership unpaid: a warning, and nothing suspended.
    const warning = provider.locator(".govuk-warning-text").filter({ hasText: "membership" });
    expect(await warning.innerText()).toContain("Your annual membership of the framework is not paid.");
    expect((await provider.locator("main").innerText()).toLowerCase()).not.toContain("suspend");
    await checkAccessibility(provider);

    await provider.getByRole("button", { name: "Connect with Stripe" }).click();
    await provider.waitForURL(`${stripe.url}/connect/onboard/**`);
    const [account] = await sql.query<{ account_id: string }>("SELECT account_id FROM stripe_accounts WHERE organisation_id = $1", [
      world.unconnected.organisationId,
    ]);
    if (!account) throw new Error("No Stripe account stored for the provider");
    stripe.completeOnboarding(account.account_id);

    // Stripe sends the administrator back; the page asks Stripe at once rather than wait for the webhook.
    await provider.goto(`${server.url}/payments/connect/return`);
    await provider.getByText("Your organisation is set up to be paid.").waitFor();
    const canTakePayments = provider.locator(".govuk-summary-list__row").filter({ hasText: "Can take payments" }).locator("dd");
    expect(await canTakePayments.innerText()).toBe("Yes");
    expect(await provider.getByRole("button", { name: /Stripe/ }).count()).toBe(0);
    await checkAccessibility(provider);

    await council.goto(`${server.url}/payments`);
    await council.getByText("Every running placement can be invoiced.").waitFor();

    // The membership is paid through Stripe Checkout.
    await provider.goto(`${server.url}/payments`);
    await provider.getByRole("button", { name: "Pay the annual membership" }).click();
    await provider.waitForURL(`${stripe.url}/checkout/**`);
  }, 60_000);
});

describeBrowser("Payments without Stripe keys: every payments page says so and how, and the rest of the service works", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it("a commissioner's Payments page warns that payments are not set up and names the settings", async () => {
    const { db } = server.testApp.database.handle;
    const person = await buildUser(db, { role: "commissioner" });
    const session = await buildSession(db, server.testApp.env, person.user.id);
    const [name = "", value = ""] = session.headers.cookie.split("=");
    context = await browser.newContext();
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server.url}/payments`);
    await page.getByRole("heading", { level: 1, name: "Invoices" }).waitFor();
    const warning = page.getByTestId("payments-not-set-up");
    expect(await warning.innerText()).toMatch(/Payments are not set up on this service[\s\S]*STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET/);
    expect(await page.locator("table").count()).toBe(0);
    await checkAccessibility(page);
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Placements" }).click();
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "Placements" }).waitFor();
    problems.assertNone();
  }, 60_000);
});
