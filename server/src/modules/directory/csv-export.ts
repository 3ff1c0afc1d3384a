import { RESIDENTIAL_TYPE_LABELS, SEX_ADMITTED_LABELS } from "@shared/codes/directory";
import type { SettingSearchHit } from "@shared/schemas/settings";

// A spreadsheet runs a cell starting with = + - @ as a formula; a quote mark stops that.
const cell = (value: string | number | null) => {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const HEADER = [
  "URN",
  "Name",
  "Provider",
  "Town",
  "Postcode district",
  "Distance (km)",
  "Lots",
  "Ages",
  "Sex admitted",
  "Day or residential",
  "Vacancies",
  "Vacancies confirmed",
  "Needs",
  "Ofsted grade",
  "Band price (£ a week)",
];

export function searchResultsCsv(hits: SettingSearchHit[]): string {
  const lines = hits.map((h) =>
    [
      h.urn,
      h.name,
      h.organisationName,
      h.town,
      h.outcode,
      h.distanceKm,
      h.lotNumbers.join(" "),
      `${h.ageLow}-${h.ageHigh}`,
      SEX_ADMITTED_LABELS[h.sexAdmitted],
      h.residentialTypes.map((r) => RESIDENTIAL_TYPE_LABELS[r]).join("; "),
      h.vacancies,
      h.vacanciesConfirmedAt,
      h.needs.map((n) => `${n.code} (${n.level})`).join("; "),
      h.ofstedGrade,
      h.bandPricePence === null ? null : (h.bandPricePence / 100).toFixed(2),
    ]
      .map(cell)
      .join(","),
  );
  return [HEADER.join(","), ...lines].join("\r\n") + "\r\n";
}
