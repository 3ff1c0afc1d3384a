import { penceToPoundsInput, poundsToPence } from "@shared/money";
import { SettingSearchQuerySchema } from "@shared/schemas/settings";
import { collectErrors, type FormErrors } from "../../components/form-errors";

/** The search page's filters as typed; the URL holds the API's own parameters, so it can be passed through. */
export interface SearchFilters {
  lot: string;
  need: string[];
  age: string;
  sex: string;
  residential: string;
  hasVacancy: boolean;
  near: string;
  radiusKm: string;
  ofstedGoodOrBetter: boolean;
  band: string;
  maxBandPricePounds: string;
}

export const FILTER_IDS = {
  lot: "filter-lot",
  need: "filter-need",
  age: "filter-age",
  sex: "filter-sex",
  residential: "filter-residential",
  hasVacancy: "filter-has-vacancy",
  near: "filter-near",
  radiusKm: "filter-radius",
  ofsted: "filter-ofsted",
  band: "filter-band",
  maxBandPrice: "filter-max-price",
} as const;
export type FilterField = keyof typeof FILTER_IDS;

export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const get = (name: string) => params.get(name) ?? "";
  const maxPence = Number(get("maxBandPrice"));
  return {
    lot: get("lot"),
    need: params
      .getAll("need")
      .flatMap((v) => v.split(","))
      .filter(Boolean),
    age: get("age"),
    sex: get("sex"),
    residential: get("residential"),
    hasVacancy: get("hasVacancy") === "true",
    near: get("near"),
    radiusKm: get("radiusKm"),
    ofstedGoodOrBetter: get("ofsted") === "2",
    band: get("band"),
    maxBandPricePounds: get("maxBandPrice") && Number.isInteger(maxPence) ? penceToPoundsInput(maxPence) : get("maxBandPrice"),
  };
}

/**
 * The filters as the API's query, holding only filter values (never anything about a child
 * beyond an age and a postcode district, which identify nobody). Sorted by distance whenever a
 * district is given.
 */
export function paramsFromFilters(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: string, value: string) => {
    if (value.trim() !== "") params.set(name, value.trim());
  };
  put("lot", filters.lot);
  put("need", filters.need.join(","));
  put("age", filters.age);
  put("sex", filters.sex);
  put("residential", filters.residential);
  if (filters.hasVacancy) params.set("hasVacancy", "true");
  put("near", filters.near.toUpperCase());
  put("radiusKm", filters.radiusKm);
  if (filters.ofstedGoodOrBetter) params.set("ofsted", "2");
  put("band", filters.band);
  if (filters.maxBandPricePounds.trim() !== "") {
    const pence = poundsToPence(filters.maxBandPricePounds);
    params.set("maxBandPrice", pence === undefined ? filters.maxBandPricePounds.trim() : String(pence));
  }
  if (params.has("near")) params.set("sort", "distance");
  return params;
}

/** Checks the query with the API's own schema before the page asks for it. */
export function checkFilters(params: URLSearchParams): FormErrors<FilterField> | undefined {
  const parsed = SettingSearchQuerySchema.safeParse(Object.fromEntries(params));
  if (parsed.success) return undefined;
  return collectErrors(
    FILTER_IDS,
    parsed.error.issues.map((issue) => ({
      field: String(issue.path[0] ?? ""),
      message: issue.path[0] === "maxBandPrice" ? "Enter the most you would pay a week in pounds, like 2500" : issue.message,
    })),
  );
}

/** Issues from the API ("query.near") on the filters they concern. */
export function filterErrorsFromIssues(issues: { path: string; message: string }[]): FormErrors<FilterField> {
  return collectErrors(
    FILTER_IDS,
    issues.map((i) => ({ field: i.path.replace(/^query\./, ""), message: i.message })),
  );
}
