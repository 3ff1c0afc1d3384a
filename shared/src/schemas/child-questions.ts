import { PDS_RISKS } from "../codes/directory";

/**
 * The questions of a child's profile that must be actively answered before it is complete,
 * section by section, as the task list shows them. Nothing is assumed: "No known risk", "No
 * particular ratio" or "Not known yet" are answers a commissioner chooses, never defaults.
 * `missing` is the GOV.UK message for a question still unanswered.
 */
export const CHILD_SECTIONS = [
  {
    id: "about",
    title: "About the child",
    questions: [
      { path: "birthMonth", missing: "Enter the child’s month and year of birth" },
      { path: "sex", missing: "Select the child’s sex" },
      { path: "homeOutcode", missing: "Enter the child’s home postcode district" },
      { path: "schoolYear", missing: "Enter the child’s school year" },
    ],
  },
  {
    id: "needs",
    title: "Needs and EHC plan",
    questions: [
      { path: "primaryNeed", missing: "Select the child’s primary need" },
      { path: "ehcPlanStatus", missing: "Select the status of the child’s EHC plan" },
      { path: "staffingRatio", missing: "Select the staffing ratio needed, or no particular ratio" },
    ],
  },
  {
    id: "placement",
    title: "Placement sought",
    questions: [
      { path: "lotNumber", missing: "Select the placement type" },
      { path: "priceBand", missing: "Select the price band, or not known yet" },
      { path: "neededBy", missing: "Enter the date the placement is needed by" },
    ],
  },
  {
    id: "requirements",
    title: "Requirements and recommendation",
    questions: [
      { path: "requirements.communicationNeeds", missing: "Select whether the child has communication, language or learning needs" },
      { path: "requirements.specificCommunicationRequirements", missing: "Select the child’s communication requirements, or None" },
      { path: "requirements.homeAdaptation", missing: "Select whether the home needs adapting" },
      { path: "requirements.culturalNeeds", missing: "Select the child’s cultural needs" },
      { path: "requirements.livingCompanions", missing: "Select who the child can live alongside" },
      { path: "requirements.pets", missing: "Select whether the child can live with pets" },
      { path: "requirements.additionalSupport", missing: "Select the additional support, or not given" },
      { path: "requirements.deprivationOfLiberty", missing: "Select whether there is a Deprivation of Liberty order" },
      { path: "recommendation.fosterCareSuitability", missing: "Select how suitable foster care is" },
      { path: "recommendation.residentialCareSuitability", missing: "Select how suitable residential care is" },
      { path: "recommendation.supportedAccommodationSuitability", missing: "Select how suitable supported accommodation is" },
    ],
  },
  {
    id: "risks",
    title: "Risks",
    questions: PDS_RISKS.map((risk) => ({
      path: `risks.${risk.code}`,
      missing: `Select whether there is a risk of ${risk.label.toLowerCase()}, or no known risk`,
    })),
  },
] as const satisfies readonly { id: string; title: string; questions: readonly { path: string; missing: string }[] }[];

export type ChildSectionId = (typeof CHILD_SECTIONS)[number]["id"];

/** Every question's path, in the order the task list asks them. */
export const CHILD_QUESTION_PATHS: readonly string[] = CHILD_SECTIONS.flatMap((s) => s.questions.map((q) => q.path));

/** The GOV.UK message for an unanswered question. */
export const missingAnswerMessage = (path: string): string =>
  CHILD_SECTIONS.flatMap((s) => s.questions as readonly { path: string; missing: string }[]).find((q) => q.path === path)?.missing ?? "Answer this question";

/** The questions an input answers: its top-level fields, the parts of requirements and recommendation it gives, the risks it answers. */
export function questionsAnsweredBy(input: Record<string, unknown>): string[] {
  const answered: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === "requirements" || key === "recommendation") {
      for (const [part, given] of Object.entries(value as Record<string, unknown>)) if (given !== undefined) answered.push(`${key}.${part}`);
    } else if (key === "risks") {
      answered.push(...PDS_RISKS.map((r) => `risks.${r.code}`));
    } else if (key === "riskAnswers") {
      answered.push(...Object.keys(value as Record<string, unknown>).map((code) => `risks.${code}`));
    } else {
      answered.push(key);
    }
  }
  return answered.filter((path) => CHILD_QUESTION_PATHS.includes(path));
}
