import type { Browser, BrowserContext, Page } from "playwright-core";
import { startTestServer } from "../setup/test-server";
import { checkAccessibility, collectPageProblems, describeBrowser, launchBrowser, type PageProblems } from "./browser";
import { signInAsDemoPerson } from "./sign-in-steps";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const NEW_PERSON = { email: "new.commissioner@manchester-council.example", name: "Nadia Okafor" };

/** The rows of a table as trimmed cell texts, header cell first. */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole("table", { name: caption });
  await table.waitFor();
  const rows = await table.locator("tbody tr").all();
  return Promise.all(rows.map(async (row) => (await row.locator("th, td").allInnerTexts()).map((cell) => cell.replace(/\s+/g, " ").trim())));
}

describeBrowser("Managing an organisation's people", () => {
  let server: TestServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    adminContext = await browser.newContext();
    admin = await adminContext.newPage();
    problems = collectPageProblems(admin);
    await signInAsDemoPerson(admin, server.url, "Commissioner, Manchester Council");
    await admin.waitForURL(`${server.url}/commissioner`);
  }, 120_000);

  afterAll(async () => {
    await adminContext?.close();
    await browser?.close();
    await server?.close();
  });

  it("a council administrator invites a colleague, who signs in and joins the council", async () => {
    await admin.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "People" }).click();
    await admin.getByRole("heading", { level: 1, name: "People" }).waitFor();
    expect(await admin.title()).toBe("People at Manchester Council – Placement Exchange");
    const members = await tableRows(admin, "Members of Manchester Council");
    expect(members).toHaveLength(1);
    expect(members[0]?.slice(1, 4)).toEqual(["commissioner@manchester-council.example", "Commissioner", "Yes"]);
    await checkAccessibility(admin);

    // A council has only commissioners, so the role is shown, not asked.
    expect(await admin.getByRole("radio").count()).toBe(0);
    expect(await admin.locator("main").innerText()).toContain("Everyone at Manchester Council has this role.");

    await admin.getByRole("button", { name: "Invite" }).click();
    const summary = admin.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Enter an email address in the correct format");
    expect(await admin.locator("#invite-email-error").innerText()).toContain("Enter an email address in the correct format");
    expect(await admin.title()).toMatch(/^Error: People at Manchester Council/);
    await checkAccessibility(admin);

    await admin.getByLabel("Email address").fill(NEW_PERSON.email);
    const [request] = await Promise.all([
      admin.waitForRequest((r) => r.url().endsWith("/invitations") && r.method() === "POST"),
      admin.getByRole("button", { name: "Invite" }).click(),
    ]);
    expect(request.postDataJSON()).toEqual({ email: NEW_PERSON.email, role: "commissioner", orgAdmin: false });
    expect(request.headers()["x-csrf-token"]).toBeTruthy();
    await admin.getByText(`You invited ${NEW_PERSON.email}`).waitFor();
    expect(await admin.locator(".govuk-error-summary").count()).toBe(0);
    const invitation = (await tableRows(admin, "Invitations to Manchester Council, newest first")).find((row) => row[0] === NEW_PERSON.email);
    expect(invitation?.slice(1, 3)).toEqual(["Commissioner", "No"]);
    expect(invitation?.[4]).toBe("Open");
    await checkAccessibility(admin);

    // The invited person, in a browser of their own, signs in with another address.
    const newContext = await browser.newContext();
    try {
      const newcomer = await newContext.newPage();
      const newcomerProblems = collectPageProblems(newcomer);
      await newcomer.goto(`${server.url}/sign-in`);
      await newcomer.getByRole("main").getByRole("button", { name: "Sign in" }).click();
      await newcomer.waitForURL(/\/idp\/interaction\//);
      await newcomer.getByLabel("Email address").fill(NEW_PERSON.email);
      await newcomer.getByLabel("Full name").fill(NEW_PERSON.name);
      expect(await newcomer.getByLabel("The provider has verified this address").isChecked()).toBe(true);
      await newcomer.getByRole("button", { name: "Sign in", exact: true }).click();
      await newcomer.waitForURL(`${server.url}/commissioner`);
      await newcomer.getByRole("heading", { level: 1, name: "Commissioner home" }).waitFor();
      expect(await newcomer.locator("main").innerText()).toContain("Manchester Council");
      // Not an administrator: no People page for them.
      expect(await newcomer.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "People" }).count()).toBe(0);
      expect(newcomerProblems.list).toEqual([]);
    } finally {
      await newContext.close();
    }

    await admin.reload();
    await admin.getByRole("heading", { level: 1, name: "People" }).waitFor();
    const joined = (await tableRows(admin, "Members of Manchester Council")).find((row) => row[1] === NEW_PERSON.email);
    expect(joined?.[0]).toBe(NEW_PERSON.name);
    expect(joined?.slice(2, 4)).toEqual(["Commissioner", "No"]);
    const accepted = (await tableRows(admin, "Invitations to Manchester Council, newest first")).find((row) => row[0] === NEW_PERSON.email);
    expect(accepted?.[4]).toBe("Accepted");
    expect(problems.list).toEqual([]);
  }, 60_000);

  it("an administrator makes a colleague an administrator, then removes them after confirming", async () => {
    await admin.goto(`${server.url}/commissioner`);
    await admin.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "People" }).click();
    await admin.getByRole("heading", { level: 1, name: "People" }).waitFor();

    // The name is visually hidden in the button, so each row's button says whom it acts on.
    await admin.getByRole("button", { name: new RegExp(`^Make administrator\\W+${NEW_PERSON.name}$`) }).click();
    await admin.getByText(`${NEW_PERSON.name} is now an administrator`).waitFor();
    const promoted = (await tableRows(admin, "Members of Manchester Council")).find((row) => row[1] === NEW_PERSON.email);
    expect(promoted?.[3]).toBe("Yes");

    await admin.getByRole("button", { name: `Remove ${NEW_PERSON.name}` }).click();
    await admin.getByRole("heading", { level: 1, name: `Are you sure you want to remove ${NEW_PERSON.name}?` }).waitFor();
    await checkAccessibility(admin);
    await admin.getByRole("button", { name: `Remove ${NEW_PERSON.name}` }).click();
    await admin.getByText(`You removed ${NEW_PERSON.name} from Manchester Council`).waitFor();
    const emails = (await tableRows(admin, "Members of Manchester Council")).map((row) => row[1]);
    expect(emails).toEqual(["commissioner@manchester-council.example"]);

    // A commissioner administers their council, not the region.
    await admin.goto(`${server.url}/admin/organisations`);
    await admin.getByRole("heading", { level: 1, name: "You do not have permission to see this page" }).waitFor();
    await checkAccessibility(admin);
    expect(problems.list).toEqual([]);
  }, 60_000);

  it("an administrator changes the council's placements contact from its people page, with errors for a bad address", async () => {
    await admin.goto(`${server.url}/commissioner`);
    await admin.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "People" }).click();
    await admin.getByRole("heading", { level: 1, name: "People" }).waitFor();
    const details = admin.getByRole("region", { name: "Contact details" });
    // The demo council has its placements mailbox from the seed.
    expect(await details.innerText()).toContain("placements@manchester.example.gov.uk");

    await details.getByRole("link", { name: "Change the placements e-mail" }).click();
    await admin.getByRole("heading", { level: 1, name: "Contact details" }).waitFor();
    expect(await admin.title()).toBe("Contact details for Manchester Council – Placement Exchange");
    expect(await admin.getByLabel("Placements contact e-mail (optional)").inputValue()).toBe("placements@manchester.example.gov.uk");
    await checkAccessibility(admin);

    await admin.getByLabel("Placements contact e-mail (optional)").fill("the placements team");
    await admin.getByLabel("Placements contact phone (optional)").fill("ring us");
    await admin.getByRole("button", { name: "Save contact details" }).click();
    const summary = admin.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Enter an e-mail address in the correct format, like placements@council.gov.uk");
    expect(await summary.innerText()).toContain("Enter a telephone number, like 0161 234 5000");
    expect(await admin.locator("#organisation-contact-phone-error").innerText()).toContain("Enter a telephone number");
    expect(await admin.title()).toMatch(/^Error: Contact details for Manchester Council/);
    await checkAccessibility(admin);

    await admin.getByLabel("Placements contact e-mail (optional)").fill("send.placements@manchester.example.gov.uk");
    await admin.getByLabel("Placements contact phone (optional)").fill("");
    const [saved] = await Promise.all([
      admin.waitForRequest((r) => r.url().endsWith("/contact") && r.method() === "PATCH"),
      admin.getByRole("button", { name: "Save contact details" }).click(),
    ]);
    expect(saved.postDataJSON()).toEqual({ contactEmail: "send.placements@manchester.example.gov.uk", contactPhone: null });
    await admin.getByText("You changed the contact details for Manchester Council").waitFor();
    await admin.getByRole("heading", { level: 1, name: "People" }).waitFor();
    const after = await admin.getByRole("region", { name: "Contact details" }).innerText();
    expect(after).toContain("send.placements@manchester.example.gov.uk");
    expect(after).toMatch(/Placements phone\s+Not given/);
    await checkAccessibility(admin);
    expect(problems.list).toEqual([]);
  }, 60_000);

  it("creates an API token on the account page, shows its secret once, then revokes it", async () => {
    await admin.goto(`${server.url}/account`);
    await admin.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    expect(await admin.getByLabel("Number of days the token lasts").inputValue()).toBe("90");

    await admin.getByLabel("Token name").fill("Case management system");
    await admin.getByRole("button", { name: "Create token" }).click();
    await admin.getByRole("heading", { name: "API token created" }).waitFor();
    const secret = (await admin.locator("#new-api-token").innerText()).trim();
    expect(secret).toMatch(/^pxt_[A-Za-z0-9_-]{43}$/);
    expect(await admin.locator("main").innerText()).toContain("You will not be able to see it again");
    const [token] = await tableRows(admin, "Your API tokens");
    expect(token?.[0]).toBe("Case management system");
    expect(secret.startsWith(token?.[1]?.replace("…", "") ?? "-")).toBe(true);
    expect(token?.[5]).toBe("Active");
    await checkAccessibility(admin);

    await admin.getByRole("button", { name: "I have copied the token" }).click();
    expect(await admin.locator("#new-api-token").count()).toBe(0);
    expect(await admin.locator("main").innerText()).not.toContain(secret);
    await admin.reload();
    await admin.getByRole("table", { name: "Your API tokens" }).waitFor();
    expect(await admin.locator("main").innerText()).not.toContain(secret);

    await admin.getByRole("button", { name: "Revoke the token “Case management system”" }).click();
    await admin.getByRole("heading", { level: 1, name: "Are you sure you want to revoke the API token “Case management system”?" }).waitFor();
    await checkAccessibility(admin);
    await admin.getByRole("button", { name: "Revoke token" }).click();
    await admin.getByText("You revoked the API token “Case management system”").waitFor();
    const [revoked] = await tableRows(admin, "Your API tokens");
    expect(revoked?.[5]).toBe("Revoked");
    expect(await admin.getByRole("button", { name: /^Revoke/ }).count()).toBe(0);

    // The secret no longer opens the API.
    const status = await admin.evaluate(
      async (bearer) => (await fetch("/api/v1/me", { headers: { Accept: "application/json", Authorization: `Bearer ${bearer}` }, credentials: "omit" })).status,
      secret,
    );
    expect(status).toBe(401);
    expect(problems.list).toEqual([]);
  }, 60_000);
});
