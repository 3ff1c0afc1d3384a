import {
  OFSTED_GRADE_LABELS,
  type OfstedGrade,
  PDS_RISKS,
  RESIDENTIAL_TYPE_LABELS,
  type ResidentialType,
  type SettingStatus,
  SEX_ADMITTED_LABELS,
  type SexAdmitted,
  type Therapy,
  THERAPY_LABELS,
} from "@shared/codes/directory";
import { LOTS } from "@shared/codes/lots";
import { NEEDS } from "@shared/codes/needs";
import { formatTimestampDate } from "../lib/format-date";

const STATUS_TAGS: Record<SettingStatus, { text: string; colour: string }> = {
  draft: { text: "Draft", colour: "govuk-tag--grey" },
  published: { text: "Published", colour: "govuk-tag--green" },
  suspended: { text: "Suspended", colour: "govuk-tag--red" },
};

export function SettingStatusTag({ status }: { status: SettingStatus }) {
  const tag = STATUS_TAGS[status];
  return <strong className={`govuk-tag ${tag.colour}`}>{tag.text}</strong>;
}

export const lotLabel = (n: number) => `Lot ${n}: ${LOTS.find((lot) => lot.number === n)?.name ?? "unknown"}`;
export const needName = (code: string) => NEEDS.find((need) => need.code === code)?.name ?? code;
export const riskLabel = (code: string) => PDS_RISKS.find((risk) => risk.code === code)?.label ?? code;
export const therapyLabel = (code: Therapy) => THERAPY_LABELS[code];
export const sexLabel = (sex: SexAdmitted) => SEX_ADMITTED_LABELS[sex];
export const ageRange = (low: number, high: number) => `${low} to ${high}`;

export function residentialLabel(types: readonly ResidentialType[]): string {
  return types.length === 0 ? "Not given" : types.map((t) => RESIDENTIAL_TYPE_LABELS[t]).join(", ");
}

/**
 * What kind of setting it is. Schools carry their type from Get Information About Schools; a
 * children's home or other residential setting has none there, so it is named by how it
 * accommodates children rather than shown as "Not given".
 */
export function settingTypeLabel(setting: { establishmentType: { name: string } | null; residentialTypes: readonly ResidentialType[] }): string {
  if (setting.establishmentType) return setting.establishmentType.name;
  const residential = setting.residentialTypes.filter((t) => t !== "day");
  if (residential.length === 0) return "Not given";
  return `Children’s home or residential setting (${residentialLabel(residential).toLowerCase()}), not a school listed by the Department for Education`;
}

export function ofstedLabel(grade: number | null): string {
  return grade === null ? "Not inspected or not given" : `${grade} – ${OFSTED_GRADE_LABELS[grade as OfstedGrade] ?? "unknown"}`;
}

/** "2 vacancies, confirmed 3 May 2026", so a commissioner can judge how current the number is. */
export function vacanciesLabel(vacancies: number, confirmedAt: string | null): string {
  const count = `${vacancies} ${vacancies === 1 ? "vacancy" : "vacancies"}`;
  return confirmedAt ? `${count}, confirmed ${formatTimestampDate(confirmedAt)}` : `${count}, never confirmed`;
}

/** "ASD (specialist), SEMH (supported)". */
export function needsLabel(needs: readonly { code: string; level: string }[]): string {
  return needs.length === 0
    ? "None given"
    : [...needs]
        .sort((a, b) => Number(b.level === "specialist") - Number(a.level === "specialist"))
        .map((n) => `${n.code} (${n.level})`)
        .join(", ");
}
