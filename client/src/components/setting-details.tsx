import type { Setting } from "@shared/schemas/settings";
import { formatDate, formatTimestampDate } from "../lib/format-date";
import {
  ageRange,
  lotLabel,
  needName,
  ofstedLabel,
  residentialLabel,
  riskLabel,
  settingTypeLabel,
  sexLabel,
  therapyLabel,
  vacanciesLabel,
} from "./setting-labels";
import { SummaryList } from "./summary-list";

const list = (items: string[], empty: string) =>
  items.length === 0 ? (
    empty
  ) : (
    <ul className="govuk-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );

/** Everything known about a setting, in the sections of the provider's form. */
export function SettingDetails({ setting }: { setting: Setting }) {
  const address = [setting.address.line1, setting.address.line2, setting.address.town, setting.address.postcode].filter((line): line is string =>
    Boolean(line),
  );
  return (
    <>
      <h2 className="govuk-heading-m">Details</h2>
      <SummaryList
        rows={[
          { key: "URN", value: setting.urn },
          { key: "Provider", value: setting.organisationName },
          { key: "Type", value: settingTypeLabel(setting) },
          { key: "Framework lots", value: list(setting.lotNumbers.map(lotLabel), "None") },
        ]}
      />
      <h2 className="govuk-heading-m">Who it is for</h2>
      <SummaryList
        rows={[
          { key: "Ages", value: ageRange(setting.ageLow, setting.ageHigh) },
          { key: "Sex", value: sexLabel(setting.sexAdmitted) },
          { key: "Day or residential", value: residentialLabel(setting.residentialTypes) },
        ]}
      />
      <h2 className="govuk-heading-m">Capacity</h2>
      <SummaryList
        rows={[
          { key: "Registered capacity", value: String(setting.registeredCapacity) },
          { key: "Vacancies", value: vacanciesLabel(setting.vacancies, setting.vacanciesConfirmedAt) },
        ]}
      />
      <h2 className="govuk-heading-m">Needs, risks and support</h2>
      <SummaryList
        rows={[
          {
            key: "Specialist in",
            value: list(
              setting.needs.filter((n) => n.level === "specialist").map((n) => `${needName(n.code)} (${n.code})`),
              "None",
            ),
          },
          {
            key: "Can support",
            value: list(
              setting.needs.filter((n) => n.level === "supported").map((n) => `${needName(n.code)} (${n.code})`),
              "None",
            ),
          },
          { key: "Risks it can manage", value: list(setting.risksManaged.map(riskLabel), "None given") },
          { key: "Therapies", value: list(setting.therapies.map(therapyLabel), "None given") },
          { key: "Staffing ratios (adult:child)", value: setting.staffingRatios.length ? setting.staffingRatios.join(", ") : "None given" },
        ]}
      />
      <h2 className="govuk-heading-m">Ofsted</h2>
      <SummaryList
        rows={[
          { key: "Grade", value: ofstedLabel(setting.ofstedGrade) },
          { key: "Inspected", value: setting.ofstedInspectionDate ? formatDate(setting.ofstedInspectionDate) : "Not given" },
        ]}
      />
      <h2 className="govuk-heading-m">Where it is</h2>
      <SummaryList
        rows={[
          { key: "Address", value: list(address, "Not given") },
          { key: "Postcode district", value: setting.outcode ?? "Not known" },
        ]}
      />
      <h2 className="govuk-heading-m">Description</h2>
      <p className="govuk-body">{setting.description || "No description yet."}</p>
      <p className="govuk-body-s">Last updated {formatTimestampDate(setting.updatedAt)}</p>
    </>
  );
}
