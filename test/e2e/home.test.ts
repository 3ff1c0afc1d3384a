import type { Page } from "playwright-core";
import { LOTS } from "@shared/codes/lots";
import { checkAccessibility, describeBrowser, pagePerTest } from "./browser";

async function activeElement(page: Page) {
  return page.evaluate(() => ({
    id: document.activeElement?.id ?? "",
    className: document.activeElement?.className ?? "",
    text: document.activeElement?.textContent?.trim() ?? "",
  }));
}

describeBrowser("Home page", () => {
  const spec = pagePerTest();

  it("should describe the service and list the seeded region with its lots and councils", async () => {
    const { page, server, problems } = spec;
    await page.goto(server.url);

    await page.getByRole("heading", { level: 1, name: "Find and buy SEND placements" }).waitFor();
    expect(await page.title()).toBe("Find and buy SEND placements – Placement Exchange");
    // Councils run the service, not on GOV.UK: the header names it, with no crown or GOV.UK logotype.
    const header = page.getByRole("banner");
    await header.getByRole("link", { name: "Sign in" }).waitFor();
    expect(await header.getByRole("link", { name: "Placement Exchange" }).getAttribute("href")).toBe("/");
    expect(await page.locator("svg.govuk-header__logotype, .govuk-footer__crown").count()).toBe(0);
    const intro = await page.locator("main").innerText();
    expect(intro).toContain("Commissioners in councils");
    expect(intro).toContain("mini-competition");
    expect(intro).toContain("Parent Carer Forums");
    expect(intro).toContain("No child is ever named");

    const region = page.getByRole("region", { name: "North West" });
    await region.waitFor();
    const lots = region.getByRole("table", { name: /^Lots on the / });
    const lotRows = await lots.locator("tbody tr").allInnerTexts();
    expect(lotRows.map((row) => row.replace(/\s+/g, " ").trim())).toEqual(LOTS.map((lot) => `${lot.number} ${lot.name}`));

    await region.getByText(/^Councils taking part in North West \(\d+\)$/).click();
    const councils = region.getByRole("table", { name: "Councils in North West" });
    await councils.waitFor();
    const councilRows = await councils.locator("tbody tr").count();
    expect(councilRows).toBeGreaterThan(0);
    const summary = await region.locator("summary").innerText();
    expect(summary).toContain(`(${councilRows})`);
    for (const row of await councils.locator("tbody tr").all()) {
      const [name, laCode] = await row.locator("td").allInnerTexts();
      expect(name?.trim()).not.toBe("");
      expect(laCode?.trim()).not.toBe("");
    }

    await checkAccessibility(page);
    problems.assertNone();
  });

  it("should let a person give feedback, showing what to fix before it is sent", async () => {
    const { page, server, problems } = spec;
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Give feedback" }).click();
    await page.getByRole("heading", { level: 1, name: "Give feedback on Placement Exchange" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/feedback");
    await checkAccessibility(page);

    await page.getByRole("button", { name: "Send feedback" }).click();
    const errorSummary = page.locator(".govuk-error-summary");
    await errorSummary.waitFor();
    expect(await errorSummary.innerText()).toContain("Select how satisfied you are with this service");
    expect((await activeElement(page)).className).toContain("govuk-error-summary");
    expect(await page.title()).toBe("Error: Give feedback on Placement Exchange – Placement Exchange");
    expect(await page.locator("#rating-error").innerText()).toContain("Select how satisfied you are with this service");
    await checkAccessibility(page);

    await errorSummary.getByRole("link", { name: "Select how satisfied you are with this service" }).click();
    expect((await activeElement(page)).id).toBe("rating");

    await page.getByLabel("Satisfied", { exact: true }).check();
    await page.getByLabel("How could we improve this service? (optional)").fill("Clear list of lots.");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/api/v1/service-feedback") && r.method() === "POST"),
      page.getByRole("button", { name: "Send feedback" }).click(),
    ]);
    expect(request.postDataJSON()).toEqual({ rating: "satisfied", comments: "Clear list of lots.", page: "/" });

    await page.getByRole("heading", { level: 1, name: "Thank you for your feedback" }).waitFor();
    expect(await page.title()).toBe("Thank you for your feedback – Placement Exchange");
    await checkAccessibility(page);
    problems.assertNone();
  });

  it("should show the page not found page for an address that does not exist", async () => {
    const { page, server, problems } = spec;
    const response = await page.goto(`${server.url}/no-such-page`);
    // A real 404 status, so search engines and link checkers see it too.
    expect(response?.status()).toBe(404);

    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.title()).toBe("Page not found – Placement Exchange");
    await checkAccessibility(page);
    // Chromium reports the page's own 404 status as a console error; anything else is a problem.
    expect(problems.list.filter((p) => !p.includes("status of 404") || !p.includes("/no-such-page"))).toEqual([]);
  });

  it("should say there is a problem, inside the layout, when a page's code cannot be downloaded, and load it on reload", async () => {
    const { page, server, problems } = spec;
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1, name: "Find and buy SEND placements" }).waitFor();
    // As after a deploy that replaced the files: the feedback page's chunk is not there any more.
    const chunk = "**/assets/feedback-page-*.js";
    await page.route(chunk, (route) => route.abort());
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Give feedback" }).click();

    await page.getByRole("heading", { level: 1, name: "Sorry, there is a problem with the service" }).waitFor();
    expect(await page.title()).toBe("Sorry, there is a problem with the service – Placement Exchange");
    await page.getByRole("banner").getByRole("link", { name: "Placement Exchange" }).waitFor();
    await checkAccessibility(page);

    await page.unroute(chunk);
    await page.getByRole("link", { name: "Reload this page" }).click();
    await page.getByRole("heading", { level: 1, name: "Give feedback on Placement Exchange" }).waitFor();
    // The aborted download is the only problem the page had.
    expect(problems.list.filter((p) => !p.includes("feedback-page-"))).toEqual([]);
  });

  it("should move focus to the main content from the skip link", async () => {
    const { page, server, problems } = spec;
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1 }).waitFor();

    await page.keyboard.press("Tab");
    const skipLink = await activeElement(page);
    expect(skipLink.text).toBe("Skip to main content");
    expect(await page.getByRole("link", { name: "Skip to main content" }).isVisible()).toBe(true);

    await page.keyboard.press("Enter");
    expect((await activeElement(page)).id).toBe("main-content");
    problems.assertNone();
  });
});
