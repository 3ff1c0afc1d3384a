import type { Page } from "playwright-core";

/** From the service's sign-in page through the development provider, as a person would. */
export async function signInAsDemoPerson(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/idp\/interaction\//);
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
}
