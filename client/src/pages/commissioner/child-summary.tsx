import { RISK_TRAJECTORY_LABELS } from "@shared/codes/children";
import type { ChildSectionId } from "@shared/schemas/child-questions";
import type { ChildProfile } from "@shared/schemas/children";
import { riskLabel, therapyLabel } from "../../components/setting-labels";
import { SummaryList, type SummaryRow } from "../../components/summary-list";
import { birthLabel, ehcOf, lotOf, neededByOf, needLabel, orNotRecorded, primaryNeedOf, sexOf } from "./child-labels";
import { COMMUNICATION_NEED_LABELS, COMMUNICATION_REQUIREMENT_LABELS, PET_LABELS, SUITABILITY_ROWS } from "./child-options";

const joined = (items: readonly string[], empty: string) => (items.length === 0 ? empty : items.join(", "));
const yesNo = (value: boolean | null) => (value === null ? "Not known" : value ? "Yes" : "No");
const schoolYear = (year: number | null) => (year === null ? orNotRecorded(null) : year === 0 ? "Reception" : `Year ${year}`);

/** Present risks with how they are moving: "Going missing (current)". */
export const risksOf = (child: Pick<ChildProfile, "risks">) =>
  joined(
    child.risks.map((r) => `${riskLabel(r.code)} (${RISK_TRAJECTORY_LABELS[r.trajectory].toLowerCase()})`),
    "No known risks",
  );

function keyRows(child: ChildProfile) {
  return {
    born: { key: "Born", value: birthLabel(child) },
    sex: { key: "Sex", value: sexOf(child) },
    home: { key: "Home postcode district", value: orNotRecorded(child.homeOutcode) },
    primaryNeed: { key: "Primary need", value: primaryNeedOf(child) },
    secondaryNeeds: { key: "Secondary needs", value: joined(child.secondaryNeeds.map(needLabel), "None") },
    band: { key: "Price band", value: child.priceBand ? `Band ${child.priceBand}` : "Not known yet" },
    risks: { key: "Risks", value: risksOf(child) },
  } satisfies Record<string, SummaryRow>;
}

/** Enough of the profile to read a match against: who, where from, what need, which band. */
export const childKeyRows = (child: ChildProfile): SummaryRow[] => Object.values(keyRows(child));

/** The Placements Data Standard's requirements and suitability: what invited providers read too. */
export function requirementsRows(child: Pick<ChildProfile, "requirements" | "recommendation">): SummaryRow[] {
  const { requirements: r } = child;
  return [
    { key: "Communication, language or learning needs", value: COMMUNICATION_NEED_LABELS[r.communicationNeeds] },
    {
      key: "Specific communication requirements",
      value: joined(
        r.specificCommunicationRequirements.map((c) => COMMUNICATION_REQUIREMENT_LABELS[c]),
        "None",
      ),
    },
    { key: "Home adaptation", value: yesNo(r.homeAdaptation) },
    { key: "Cultural needs", value: r.culturalNeeds },
    { key: "Living alongside", value: r.livingCompanions },
    { key: "Pets", value: PET_LABELS[r.pets] },
    { key: "Additional support", value: r.additionalSupport ?? "Not given" },
    { key: "Deprivation of Liberty order", value: yesNo(r.deprivationOfLiberty) },
    ...SUITABILITY_ROWS.map(({ key, label }) => ({ key: `${label}: suitability`, value: child.recommendation[key] })),
  ];
}

/** The whole profile, in the task list's sections. */
export function childSummarySections(child: ChildProfile): { id: ChildSectionId; heading: string; rows: SummaryRow[] }[] {
  const key = keyRows(child);
  return [
    {
      id: "about",
      heading: "About the child",
      rows: [{ key: "Reference", value: child.reference }, key.born, key.sex, key.home, { key: "School year", value: schoolYear(child.schoolYear) }],
    },
    {
      id: "needs",
      heading: "Needs and EHC plan",
      rows: [
        key.primaryNeed,
        key.secondaryNeeds,
        { key: "EHC plan", value: ehcOf(child) },
        { key: "Section B summary", value: child.sectionB || "None" },
        { key: "Section E summary", value: child.sectionE || "None" },
        { key: "Section F summary", value: child.sectionF || "None" },
        { key: "Staffing ratio", value: child.staffingRatio ?? "No particular ratio" },
        { key: "Therapies", value: joined(child.therapies.map(therapyLabel), "None") },
      ],
    },
    {
      id: "placement",
      heading: "Placement sought",
      rows: [
        { key: "Placement type", value: lotOf(child) },
        key.band,
        { key: "Needed by", value: neededByOf(child) },
        { key: "Parental preference", value: child.preferredSettingName ?? "None" },
        { key: "Furthest distance", value: child.maxTravelKm === null ? "No limit" : `${child.maxTravelKm} km` },
        { key: "Siblings to place together", value: orNotRecorded(child.siblingCount) },
        { key: "Preferred location", value: child.preferredLocation ?? "None" },
      ],
    },
    { id: "requirements", heading: "Requirements and recommendation", rows: requirementsRows(child) },
    {
      id: "risks",
      heading: "Risks",
      rows: [
        { ...key.risks, key: "Risks present" },
        { key: "Other risk to the child", value: child.riskOther ?? "None" },
        { key: "Other risk to others", value: child.riskToOthersOther ?? "None" },
      ],
    },
  ];
}

/** The whole profile, in the task list's sections. */
export function ChildSummary({ child }: { child: ChildProfile }) {
  return (
    <>
      {childSummarySections(child).map((section) => (
        <div key={section.heading}>
          <h2 className="govuk-heading-m">{section.heading}</h2>
          <SummaryList rows={section.rows} />
        </div>
      ))}
    </>
  );
}
