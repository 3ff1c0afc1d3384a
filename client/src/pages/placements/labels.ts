import { PDS_RISKS, type PdsRisk } from "@shared/codes/directory";
import {
  OUTCOME_SCORE_LABELS,
  OUTCOME_SCORES,
  REVIEW_RISK_TRAJECTORIES,
  REVIEW_RISK_TRAJECTORY_LABELS,
  REVIEW_STABILITIES,
  REVIEW_STABILITY_LABELS,
  VIEW_SCORES,
} from "@shared/codes/outcomes";
import type { RadioOption } from "../../components/radios";

export const SCORE_OPTIONS: RadioOption[] = OUTCOME_SCORES.map((score) => ({ value: String(score), label: OUTCOME_SCORE_LABELS[score] }));
export const STABILITY_OPTIONS: RadioOption[] = REVIEW_STABILITIES.map((value) => ({ value, label: REVIEW_STABILITY_LABELS[value] }));
export const TRAJECTORY_OPTIONS: RadioOption[] = REVIEW_RISK_TRAJECTORIES.map((value) => ({ value, label: REVIEW_RISK_TRAJECTORY_LABELS[value] }));

const VIEW_WORDS: Record<(typeof VIEW_SCORES)[number], string> = {
  1: "Very unhappy",
  2: "Unhappy",
  3: "Neither happy nor unhappy",
  4: "Happy",
  5: "Very happy",
};
export const viewLabel = (score: number) => `${score} - ${VIEW_WORDS[score as keyof typeof VIEW_WORDS] ?? ""}`;
/** The child's and the family's views are optional: "Not recorded" is a choice, so a chosen view can be taken back. */
export const VIEW_OPTIONS: RadioOption[] = [
  { value: "", label: "Not recorded" },
  ...VIEW_SCORES.map((score) => ({ value: String(score), label: viewLabel(score) })),
];

export const RISKS_TO_CHILD = PDS_RISKS.filter((r) => r.towards === "child").map((r) => ({ key: r.code, label: r.label }));
export const RISKS_TO_OTHERS = PDS_RISKS.filter((r) => r.towards === "others").map((r) => ({ key: r.code, label: r.label }));
export const riskLabel = (code: PdsRisk) => PDS_RISKS.find((r) => r.code === code)?.label ?? code;

export const scoreLabel = (score: number) => OUTCOME_SCORE_LABELS[score as keyof typeof OUTCOME_SCORE_LABELS] ?? String(score);

/** "Outcome 2" in charts and tables where the whole statement would not fit; the statement is in the table. */
export const outcomeName = (index: number) => `Outcome ${index + 1}`;
