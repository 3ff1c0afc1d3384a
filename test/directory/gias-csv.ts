// Builds small GIAS files for the import tests, with the live file's column names.

const BASE_COLUMNS = [
  "URN",
  "LA (code)",
  "LA (name)",
  "EstablishmentName",
  "TypeOfEstablishment (code)",
  "TypeOfEstablishment (name)",
  "EstablishmentStatus (name)",
  "StatutoryLowAge",
  "StatutoryHighAge",
  "Boarders (name)",
  "Gender (name)",
  "Street",
  "Locality",
  "Address3",
  "Town",
  "Postcode",
] as const;
const SEN_COLUMNS = ["SEN1 (name)", "SEN2 (name)", "SEN3 (name)"] as const;
const OFSTED_COLUMNS = ["OfstedRating (name)", "OfstedLastInsp"] as const;

export type GiasColumn = (typeof BASE_COLUMNS)[number] | (typeof SEN_COLUMNS)[number] | (typeof OFSTED_COLUMNS)[number];
export type GiasRow = Partial<Record<GiasColumn, string>>;

/** A community special school in Manchester (M14), open, mixed, 11-19, day only. */
export function giasRow(overrides: GiasRow = {}): GiasRow {
  return {
    URN: "900001",
    "LA (code)": "352",
    "LA (name)": "Manchester",
    EstablishmentName: "Test Special School",
    "TypeOfEstablishment (code)": "07",
    "TypeOfEstablishment (name)": "Community Special School",
    "EstablishmentStatus (name)": "Open",
    StatutoryLowAge: "11",
    StatutoryHighAge: "19",
    "Boarders (name)": "No Boarders",
    "Gender (name)": "Mixed",
    Street: "1 Test Road",
    Town: "Manchester",
    Postcode: "M14 5RG",
    ...overrides,
  };
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV file (CRLF, as GIAS writes it); with `live` it has the SEN and Ofsted columns too. */
export function giasCsv(rows: GiasRow[], options: { live?: boolean } = {}): string {
  const columns: GiasColumn[] = [...BASE_COLUMNS, ...(options.live ? [...SEN_COLUMNS, ...OFSTED_COLUMNS] : [])];
  return [columns.join(","), ...rows.map((row) => columns.map((c) => quote(row[c] ?? "")).join(","))].join("\r\n") + "\r\n";
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
