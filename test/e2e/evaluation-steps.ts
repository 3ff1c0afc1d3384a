import type { Page } from "playwright-core";

const escape = (text: string) => text.replace(/[()]/g, "\\$&");

/**
 * On the council's board of a closed request, in the Evaluation section: every criterion of the
 * offer of each setting given gets that score and a reason naming who gave it (`who`).
 */
export async function fillScores(page: Page, scores: Record<string, string>, who: string): Promise<void> {
  const section = page.getByRole("region", { name: "Evaluation" });
  for (const [setting, score] of Object.entries(scores)) {
    const offer = section.getByRole("group", { name: new RegExp(`^${escape(setting)}`) }).last();
    const criteria = offer.getByRole("group");
    const reasons = offer.getByRole("textbox");
    for (let i = 0; i < (await criteria.count()); i++) {
      await criteria.nth(i).getByLabel(score, { exact: true }).check();
      await reasons.nth(i).fill(`${who}: ${setting} scores ${score} on criterion ${i + 1}`);
    }
  }
}

/** Declares no conflict of interest on the board's Evaluation section. */
export async function declareNoConflict(page: Page): Promise<void> {
  const section = page.getByRole("region", { name: "Evaluation" });
  await section.getByRole("group", { name: "Do you have a conflict of interest with any provider that offered?" }).getByLabel("No").check();
  await section.getByRole("button", { name: "Continue" }).click();
  await page.getByText("You declared your interests. You can now score the offers.").waitFor();
}
