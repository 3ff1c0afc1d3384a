import { checkAccessibility, describeBrowser, pagePerTest } from "./browser";

describeBrowser("Signing in and out", () => {
  const spec = pagePerTest();

  it("a commissioner signs in through the development provider and sees the commissioner's home page; signs out", async () => {
    const { page, server, problems } = spec;
    await page.goto(server.url);
    const header = page.getByRole("banner");
    // Not a GOV.UK service: the header names Placement Exchange, with no GOV.UK logotype.
    await header.getByRole("link", { name: "Placement Exchange" }).waitFor();
    expect(await header.getByRole("img", { name: "GOV.UK" }).count()).toBe(0);

    await header.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in to Placement Exchange" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await checkAccessibility(page);

    await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/idp\/interaction\//);
    await page.getByRole("heading", { level: 1, name: "Development sign-in" }).waitFor();
    await checkAccessibility(page, "the development provider's sign-in page");

    await page.getByRole("button", { name: "Sign in as Commissioner, Manchester Council" }).click();
    await page.waitForURL(`${server.url}/commissioner`);
    await page.getByRole("heading", { level: 1, name: "Commissioner home" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Manchester Council");
    expect(await header.innerText()).toContain("Manchester Council");
    // The demo name already says where the person works: the header names the council once.
    expect((await header.innerText()).split("Manchester Council").length - 1).toBe(1);
    expect(await page.title()).toBe("Commissioner home – Placement Exchange");
    // The Manchester commissioner administers the council, so People is in the menu.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "People" }).waitFor();
    await checkAccessibility(page);

    await header.getByRole("link", { name: "Your account" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    const details = page.locator(".govuk-summary-list");
    await details.waitFor();
    const rows = Object.fromEntries(
      await Promise.all(
        (await details.locator(".govuk-summary-list__row").all()).map(async (row) => [
          (await row.locator("dt").innerText()).trim(),
          (await row.locator("dd").innerText()).trim(),
        ]),
      ),
    );
    expect(rows).toMatchObject({
      "Email address": "commissioner@manchester-council.example",
      Organisation: "Manchester Council",
      Role: "Commissioner",
      "Administrator of your organisation": "Yes",
    });
    await page.getByText("You have no API tokens.").waitFor();
    await checkAccessibility(page);

    await header.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/signed-out`);
    await page.getByRole("heading", { level: 1, name: "You have signed out" }).waitFor();
    await header.getByRole("link", { name: "Sign in" }).waitFor();
    expect(await header.getByRole("button", { name: "Sign out" }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch("/api/v1/me", { headers: { Accept: "application/json" } })).status);
    expect(status).toBe(401);
    await checkAccessibility(page);

    expect(problems.list).toEqual([]);
  }, 60_000);

  it("should send a signed-out person from a page that needs sign-in to the sign-in page", async () => {
    const { page, server, problems } = spec;
    await page.goto(`${server.url}/commissioner`);
    await page.getByRole("heading", { level: 1, name: "Sign in to Placement Exchange" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    problems.assertNone();
  });

  it("should explain a failed sign-in with an error summary", async () => {
    const { page, server, problems } = spec;
    await page.goto(`${server.url}/sign-in?error=failed`);
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("We could not sign you in. Try again, or contact your organisation’s administrator");
    expect(await page.title()).toBe("Error: Sign in to Placement Exchange – Placement Exchange");
    await checkAccessibility(page);
    problems.assertNone();
  });
});
