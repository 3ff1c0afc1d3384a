import type { z } from "zod";
import type { NeedSupportLevel } from "@shared/codes/directory";
import { type NeedCode, NEEDS } from "@shared/codes/needs";
import { ErrorCode } from "@shared/errors";
import type { Setting } from "@shared/schemas/settings";
import { ApiRequestError } from "../../api/http";
import { type DateParts, datePartsFrom, EMPTY_DATE, isoDateFrom } from "../../components/date-input";
import { collectErrors, errorsFromApi, type FormErrors } from "../../components/form-errors";
import { numberFromInput } from "../../lib/parse-number";

/** The form's ids, in page order; the error summary links to them. */
export const SETTING_FIELD_IDS = {
  urn: "setting-urn",
  name: "setting-name",
  establishmentTypeCode: "setting-type",
  lotNumbers: "setting-lots",
  ageLow: "setting-age-low",
  ageHigh: "setting-age-high",
  sexAdmitted: "setting-sex",
  residentialTypes: "setting-residential",
  registeredCapacity: "setting-capacity",
  vacancies: "setting-vacancies",
  needs: `setting-needs-${NEEDS[0].code}`,
  risksManaged: "setting-risks",
  therapies: "setting-therapies",
  staffingRatios: "setting-ratios",
  ofstedGrade: "setting-ofsted",
  ofstedInspectionDate: "setting-ofsted-date",
  "address.line1": "setting-address-line1",
  "address.line2": "setting-address-line2",
  "address.town": "setting-address-town",
  "address.postcode": "setting-address-postcode",
  description: "setting-description",
} as const;
export type SettingField = keyof typeof SETTING_FIELD_IDS;

export type NeedChoice = NeedSupportLevel | "none";

export interface SettingFormState {
  urn: string;
  name: string;
  establishmentTypeCode: string;
  lotNumbers: string[];
  ageLow: string;
  ageHigh: string;
  sexAdmitted: string | undefined;
  residentialTypes: string[];
  registeredCapacity: string;
  vacancies: string;
  needs: Partial<Record<NeedCode, NeedChoice>>;
  risksManaged: string[];
  therapies: string[];
  staffingRatios: string[];
  ofstedGrade: string;
  ofstedInspectionDate: DateParts;
  line1: string;
  line2: string;
  town: string;
  postcode: string;
  description: string;
}

export const EMPTY_SETTING_FORM: SettingFormState = {
  urn: "",
  name: "",
  establishmentTypeCode: "",
  lotNumbers: [],
  ageLow: "",
  ageHigh: "",
  sexAdmitted: undefined,
  residentialTypes: [],
  registeredCapacity: "",
  vacancies: "0",
  needs: {},
  risksManaged: [],
  therapies: [],
  staffingRatios: [],
  ofstedGrade: "none",
  ofstedInspectionDate: EMPTY_DATE,
  line1: "",
  line2: "",
  town: "",
  postcode: "",
  description: "",
};

export function formFromSetting(setting: Setting): SettingFormState {
  return {
    urn: setting.urn,
    name: setting.name,
    establishmentTypeCode: setting.establishmentType?.code ?? "",
    lotNumbers: setting.lotNumbers.map(String),
    ageLow: String(setting.ageLow),
    ageHigh: String(setting.ageHigh),
    sexAdmitted: setting.sexAdmitted,
    residentialTypes: [...setting.residentialTypes],
    registeredCapacity: String(setting.registeredCapacity),
    vacancies: String(setting.vacancies),
    needs: Object.fromEntries(setting.needs.map((n) => [n.code, n.level])),
    risksManaged: [...setting.risksManaged],
    therapies: [...setting.therapies],
    staffingRatios: [...setting.staffingRatios],
    ofstedGrade: setting.ofstedGrade === null ? "none" : String(setting.ofstedGrade),
    ofstedInspectionDate: datePartsFrom(setting.ofstedInspectionDate),
    line1: setting.address.line1,
    line2: setting.address.line2 ?? "",
    town: setting.address.town,
    postcode: setting.address.postcode,
    description: setting.description,
  };
}

/** The form as the API's fields (no URN), for SettingCreateSchema or SettingUpdateSchema to check. */
export function settingFieldsFrom(form: SettingFormState) {
  return {
    name: form.name,
    establishmentTypeCode: form.establishmentTypeCode === "" ? null : form.establishmentTypeCode,
    lotNumbers: form.lotNumbers.map(Number),
    ageLow: numberFromInput(form.ageLow),
    ageHigh: numberFromInput(form.ageHigh),
    sexAdmitted: form.sexAdmitted,
    residentialTypes: form.residentialTypes,
    registeredCapacity: numberFromInput(form.registeredCapacity),
    vacancies: numberFromInput(form.vacancies),
    needs: NEEDS.flatMap(({ code }) => {
      const level = form.needs[code];
      return level && level !== "none" ? [{ code, level }] : [];
    }),
    risksManaged: form.risksManaged,
    therapies: form.therapies,
    staffingRatios: form.staffingRatios,
    ofstedGrade: form.ofstedGrade === "none" ? null : Number(form.ofstedGrade),
    ofstedInspectionDate: isoDateFrom(form.ofstedInspectionDate),
    address: { line1: form.line1, line2: form.line2.trim() === "" ? undefined : form.line2, town: form.town, postcode: form.postcode },
    description: form.description,
  };
}

/** "address.postcode" stays whole (each line is a field); "needs.3.level" is the needs question. */
export function settingFieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first === "address") return second && second in { line1: 1, line2: 1, town: 1, postcode: 1 } ? `address.${second}` : "address.line1";
  return first ?? "";
}

export function settingErrorsFromZod(error: z.ZodError): FormErrors<SettingField> {
  return collectErrors(
    SETTING_FIELD_IDS,
    error.issues.map((issue) => ({ field: settingFieldOf(issue.path), message: issue.message })),
  );
}

/**
 * The API's issues name fields "body.<field>" (a bad save) or "setting.<field>" (publishing
 * an incomplete setting); both point at this form's fields.
 */
export function settingErrorsFromApi(error: unknown, conflictField?: SettingField): FormErrors<SettingField> {
  if (error instanceof ApiRequestError && error.error.code === ErrorCode.ValidationError && error.error.issues?.length) {
    return collectErrors(
      SETTING_FIELD_IDS,
      error.error.issues.map((issue) => ({
        field: settingFieldOf(issue.path.replace(/^(body|setting)\./, "").split(".")),
        message: issue.message,
      })),
    );
  }
  return errorsFromApi(SETTING_FIELD_IDS, error, conflictField);
}
