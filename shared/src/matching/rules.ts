import { SEX_ADMITTED, type SexAdmitted } from "../codes/directory";
import type { MatchRule } from "../schemas/matching";
import { km, listed, lotLabel, needLabel, riskLabel } from "./labels";
import type { MatchChild, Pairing } from "./types";

/** A hard rule: a setting that breaks it is left out, however well it would score. */
export interface HardRule {
  rule: MatchRule;
  /** Runs for every setting, so it only compares; no strings are built here. */
  breaks(p: Pairing): boolean;
  /** Why, in a line a commissioner can read; asked only for settings that break the rule. */
  reason(p: Pairing): string;
}

/**
 * A current or escalating risk must be one the setting says it can manage: placing a child
 * where a present risk cannot be managed endangers the child or others. A historic risk is no
 * longer present, so it does not exclude; need fit gives fewer points where it is not managed.
 */
const isPresent = (trajectory: string) => trajectory === "current" || trajectory === "escalating";
const unmanagedPresentRisks = ({ child, setting }: Pairing) => child.risks.filter((r) => isPresent(r.trajectory) && !setting.risksManaged.includes(r.code));
/** The risks a setting must manage to take the child (a prefilter in SQL uses the same list). */
export const risksToManage = (child: MatchChild) => child.risks.filter((r) => isPresent(r.trajectory)).map((r) => r.code);

const admits = (sexAdmitted: SexAdmitted, sex: MatchChild["sex"]) => sexAdmitted === "mixed" || sexAdmitted === (sex === "female" ? "girls" : "boys");
/** The settings' "sex admitted" values that take the child (a prefilter in SQL uses the same list). */
export const sexesAdmitting = (sex: MatchChild["sex"]): SexAdmitted[] => SEX_ADMITTED.filter((s) => admits(s, sex));

/** In MATCH_RULES order, which is the order reasons are listed in. */
export const HARD_RULES: readonly HardRule[] = [
  {
    rule: "lot",
    breaks: ({ child, setting }) => !setting.lotNumbers.includes(child.lotNumber),
    reason: ({ child, setting }) =>
      `Not listed on ${lotLabel(child.lotNumber)}${setting.lotNumbers.length > 0 ? `: listed on ${listed([...setting.lotNumbers].sort((a, b) => a - b).map((n) => `lot ${n}`))}` : ""}`,
  },
  {
    rule: "age",
    breaks: ({ child, setting }) => child.ageYears < setting.ageLow || child.ageYears > setting.ageHigh,
    reason: ({ child, setting }) => `Takes ages ${setting.ageLow} to ${setting.ageHigh}; the child is ${child.ageYears} when the placement is needed`,
  },
  {
    rule: "sex",
    breaks: ({ child, setting }) => !admits(setting.sexAdmitted, child.sex),
    reason: ({ child, setting }) => `Admits ${setting.sexAdmitted === "mixed" ? "boys and girls" : `${setting.sexAdmitted} only`}; the child is ${child.sex}`,
  },
  {
    rule: "vacancy",
    breaks: ({ setting }) => setting.vacancies <= 0,
    reason: () => "Has no vacancy",
  },
  {
    rule: "primary_need",
    breaks: ({ child, setting }) => !setting.needs.some((n) => n.code === child.primaryNeed),
    reason: ({ child }) => `Does not support ${needLabel(child.primaryNeed)}, the child's primary need`,
  },
  {
    rule: "risk",
    // some() rather than unmanagedPresentRisks(): this runs for every setting, and allocates nothing.
    breaks: ({ child, setting }) => child.risks.some((r) => isPresent(r.trajectory) && !setting.risksManaged.includes(r.code)),
    reason: (p) => `Cannot manage the ${listed(unmanagedPresentRisks(p).map((r) => `${r.trajectory} risk of ${riskLabel(r.code)}`))}`,
  },
  {
    rule: "ofsted_inadequate",
    breaks: ({ setting }) => setting.ofstedGrade === 4,
    reason: () => "Rated Inadequate by Ofsted (grade 4)",
  },
  {
    // Without both places known, a setting cannot be shown to be within the maximum, so it
    // is left out only when a maximum is set; otherwise it just scores no distance points.
    rule: "distance",
    breaks: ({ child, distanceKm }) => child.maxTravelKm !== null && (distanceKm === null || distanceKm > child.maxTravelKm),
    reason: ({ child, setting, distanceKm }) => {
      const max = km(child.maxTravelKm ?? 0);
      if (child.home === null) return `The child's home district has no known location, so no setting can be shown to be within ${max}`;
      if (setting.location === null) return `Its location is not known, so it cannot be shown to be within ${max} of home`;
      return `${km(distanceKm ?? 0)} from the child's home district, beyond the ${max} maximum`;
    },
  },
];
