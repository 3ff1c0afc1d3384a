import { CHILD_SEX_LABELS, EHC_PLAN_STATUS_LABELS } from "@shared/codes/children";
import type { ChildProfile } from "@shared/schemas/children";
import { lotLabel, needName } from "../../components/setting-labels";
import { formatDate } from "../../lib/format-date";

const NOT_RECORDED = "Not recorded";
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** What each field that matching needs is called, to say what to add. */
export const MATCHING_FIELD_LABELS: Record<ChildProfile["missingForMatching"][number], string> = {
  birthMonth: "month and year of birth",
  sex: "sex",
  homeOutcode: "home postcode district",
  primaryNeed: "primary need",
  lotNumber: "placement type (lot)",
};

/** "the sex and the primary need". */
export const missingLabel = (fields: ChildProfile["missingForMatching"]) => {
  const names = fields.map((f) => `the ${MATCHING_FIELD_LABELS[f]}`);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
};

/** "September 2013 (12 on the date needed by)". */
export function birthLabel(child: Pick<ChildProfile, "birthMonth" | "ageOnNeededBy" | "neededBy">): string {
  if (!child.birthMonth) return NOT_RECORDED;
  const [year, month] = child.birthMonth.split("-").map(Number);
  const when = MONTH.format(new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, 1)));
  return child.ageOnNeededBy === null ? when : `${when} (${child.ageOnNeededBy} ${child.neededBy ? "on the date needed by" : "now"})`;
}

export const sexOf = (child: Pick<ChildProfile, "sex">) => (child.sex ? CHILD_SEX_LABELS[child.sex] : NOT_RECORDED);
/** "Autistic spectrum disorder (ASD)". */
export const needLabel = (code: string) => `${needName(code)} (${code})`;
export const primaryNeedOf = (child: Pick<ChildProfile, "primaryNeed">) => (child.primaryNeed ? needLabel(child.primaryNeed) : NOT_RECORDED);
export const lotOf = (child: Pick<ChildProfile, "lotNumber">) => (child.lotNumber ? lotLabel(child.lotNumber) : NOT_RECORDED);
export const neededByOf = (child: Pick<ChildProfile, "neededBy">) => (child.neededBy ? formatDate(child.neededBy) : NOT_RECORDED);
export const ehcOf = (child: Pick<ChildProfile, "ehcPlanStatus">) => (child.ehcPlanStatus ? EHC_PLAN_STATUS_LABELS[child.ehcPlanStatus] : NOT_RECORDED);
export const orNotRecorded = (value: string | number | null) => (value === null || value === "" ? NOT_RECORDED : String(value));
