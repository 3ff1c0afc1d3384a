import type { Page } from "playwright-core";
import { PDS_RISKS } from "@shared/codes/directory";

/** A date as the GOV.UK date input's three parts. */
const partsOf = (date: Date) => ({ day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) });

export const saveAndContinue = async (page: Page) => {
  await page.getByRole("button", { name: "Save and continue" }).click();
};
const taskList = (page: Page) => page.getByRole("list").filter({ has: page.locator(".govuk-task-list__item") });

/** Opens a task from the task list and waits for its question page. */
export async function openTask(page: Page, title: string): Promise<void> {
  await taskList(page).getByRole("link", { name: title }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** A task's status as the task list shows it ("Not started", "In progress", "Completed"). */
export async function taskStatus(page: Page, title: string): Promise<string> {
  const item = page.locator(".govuk-task-list__item").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  return (await item.locator(".govuk-task-list__status").innerText()).trim();
}

/** The first question page: a 12-year-old boy from M14, under `reference`. Saves and waits for the task list. */
export async function answerAbout(page: Page, reference: string): Promise<void> {
  await page.getByLabel("Reference", { exact: true }).fill(reference);
  const birth = page.getByRole("group", { name: "Month and year of birth" });
  await birth.getByLabel("Month").fill("9");
  await birth.getByLabel("Year").fill(String(new Date().getUTCFullYear() - 12));
  await page.getByRole("group", { name: "Sex", exact: true }).getByLabel("Male", { exact: true }).check();
  await page.getByLabel("Home postcode district").fill("M14");
  await page.getByLabel("School year").fill("7");
}

/** Needs and EHC plan: autism, SLCN, a final plan, 1:2 and speech therapy; `sectionB` as given. */
export async function answerNeeds(page: Page, sectionB: string): Promise<void> {
  await page.getByLabel("Primary need").selectOption("ASD");
  await page.getByRole("group", { name: "Secondary needs" }).getByLabel("Speech, language and communication needs (SLCN)").check();
  await page.getByRole("group", { name: "Education, health and care (EHC) plan" }).getByLabel("Final EHC plan").check();
  await page.getByLabel("Section B: special educational needs (summary) (optional)").fill(sectionB);
  await page.getByRole("group", { name: "Staffing ratio needed (adult:child)" }).getByLabel("1:2").check();
  await page.getByRole("group", { name: "Therapies needed" }).getByLabel("Speech and language therapy").check();
}

/** Placement sought: lot 1, band C, needed in 30 days, within 40 km. */
export async function answerPlacement(page: Page): Promise<void> {
  await page.getByLabel("Lot 1: 0-16 day").check();
  await page.getByLabel(/^Band C:/).check();
  const neededBy = partsOf(new Date(Date.now() + 30 * 86_400_000));
  const date = page.getByRole("group", { name: "Needed by" });
  await date.getByLabel("Day").fill(neededBy.day);
  await date.getByLabel("Month").fill(neededBy.month);
  await date.getByLabel("Year").fill(neededBy.year);
  await page.getByLabel("Furthest distance from home, in km (optional)").fill("40");
}

/** Requirements and recommendation, every question answered. */
export async function answerRequirements(page: Page): Promise<void> {
  const group = (name: string) => page.getByRole("group", { name, exact: true });
  await group("Does the child have communication, language or learning needs?").getByLabel("Yes", { exact: true }).check();
  await group("Specific communication requirements").getByLabel("Makaton").check();
  await group("Does the home need adapting?").getByLabel("No", { exact: true }).check();
  await group("Cultural needs").getByLabel("Not Known", { exact: true }).check();
  await group("Who can the child live alongside?").getByLabel("No preference", { exact: true }).check();
  await group("Can the child live with pets?").getByLabel("Yes – can live with pets").check();
  await group("Additional support").getByLabel("Not given").check();
  await group("Is there a Deprivation of Liberty order?").getByLabel("No", { exact: true }).check();
  for (const kind of ["Foster care", "Residential care", "Supported accommodation"]) {
    await group(kind).getByLabel("Not specified", { exact: true }).check();
  }
}

/** Each risk answered: `present` with its trajectory label, every other "No known risk". */
export async function answerRisks(page: Page, present: Record<string, string> = {}): Promise<void> {
  for (const risk of PDS_RISKS) {
    await page
      .getByRole("group", { name: risk.label, exact: true })
      .getByLabel(present[risk.label] ?? "No known risk", { exact: true })
      .check();
  }
}

/**
 * Records a whole child through the task list, each page saved in turn: the profile page once
 * completed. For journeys where the recording is not what they test.
 */
export async function recordChild(page: Page, baseUrl: string, reference: string, options: { sectionB: string; risks?: Record<string, string> }) {
  await page.goto(`${baseUrl}/commissioner/children/new`);
  await page.getByRole("heading", { level: 1, name: "About the child" }).waitFor();
  await answerAbout(page, reference);
  await saveAndContinue(page);
  for (const [title, answer] of [
    ["Needs and EHC plan", () => answerNeeds(page, options.sectionB)],
    ["Placement sought", () => answerPlacement(page)],
    ["Requirements and recommendation", () => answerRequirements(page)],
    ["Risks", () => answerRisks(page, options.risks)],
  ] as const) {
    await openTask(page, title);
    await answer();
    await saveAndContinue(page);
    await page.getByRole("heading", { level: 1, name: `Record ${reference}’s needs` }).waitFor();
  }
  await page.getByRole("link", { name: "Check your answers" }).click();
  await page.getByRole("heading", { level: 1, name: "Check your answers" }).waitFor();
  await page.getByRole("button", { name: "Confirm and complete" }).click();
  await page.getByRole("heading", { level: 1, name: reference }).waitFor();
}
