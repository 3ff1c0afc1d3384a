import { OFSTED_GRADE_LABELS, OFSTED_GRADES, PDS_RISKS } from "../codes/directory";
import { LOTS } from "../codes/lots";
import { REQUEST_MODES, type RequestMode } from "../codes/tenders";
import type { PlacementFact } from "./contract";

/**
 * The ways the insights cut placements into groups: each cut names its groups (rows of a table)
 * and says which group a placement falls in.
 */
export interface Cut {
  id: string;
  /** "by …", for a table's title. */
  title: string;
  rowHeader: string;
  groups: { key: string; label: string }[];
  groupOf(fact: PlacementFact): number;
}

export const RISK_INDEX = new Map<string, number>(PDS_RISKS.map((r, i) => [r.code, i]));

const MODE_LABELS: Record<RequestMode, string> = { sealed: "Sealed", urgent: "Urgent", ranked: "Ranked" };
export const MODE_GROUPS = [...REQUEST_MODES.map((m) => ({ key: m, label: MODE_LABELS[m] })), { key: "none", label: "Not through a request" }];
export const modeIndex = (mode: RequestMode | null): number => (mode === null ? REQUEST_MODES.length : REQUEST_MODES.indexOf(mode));

export const LOT_GROUPS = LOTS.map((l) => ({ key: `lot-${l.number}`, label: `Lot ${l.number}: ${l.name}` }));

/** How many present risks a child has: 0, 1, 2, 3, 4, 5 or more. */
export const RISK_COUNT_GROUPS = ["0", "1", "2", "3", "4", "5+"].map((k) => ({ key: `risks-${k}`, label: k === "5+" ? "5 or more" : k }));
export const riskCountIndex = (fact: PlacementFact) => Math.min(fact.presentRisks.length, 5);

const distanceBand = (km: number | null) => (km === null ? 4 : km < 10 ? 0 : km < 25 ? 1 : km < 50 ? 2 : 3);
const yesNoUnknown = (v: boolean | null) => (v === true ? 0 : v === false ? 1 : 2);

/** The cuts of the breakdown and outcome tables. */
export const CUTS: Cut[] = [
  {
    id: "risk-count",
    title: "by number of present risks",
    rowHeader: "Present risks",
    groups: [
      { key: "risks-0", label: "None" },
      { key: "risks-1-2", label: "1 or 2" },
      { key: "risks-3+", label: "3 or more" },
    ],
    groupOf: (f) => (f.presentRisks.length === 0 ? 0 : f.presentRisks.length <= 2 ? 1 : 2),
  },
  { id: "lot", title: "by lot", rowHeader: "Lot", groups: LOT_GROUPS, groupOf: (f) => f.lot - 1 },
  { id: "mode", title: "by how the placement was sought", rowHeader: "Request mode", groups: MODE_GROUPS, groupOf: (f) => modeIndex(f.mode) },
  {
    id: "ofsted",
    title: "by Ofsted grade of the setting",
    rowHeader: "Ofsted grade",
    groups: [...OFSTED_GRADES.map((g) => ({ key: `grade-${g}`, label: OFSTED_GRADE_LABELS[g] })), { key: "grade-none", label: "Not graded or not known" }],
    groupOf: (f) => (f.ofstedGrade !== null && f.ofstedGrade >= 1 && f.ofstedGrade <= 4 ? f.ofstedGrade - 1 : 4),
  },
  {
    id: "distance",
    title: "by distance from home",
    rowHeader: "Distance from home",
    groups: [
      { key: "km-0-10", label: "Under 10 km" },
      { key: "km-10-25", label: "10 to 25 km" },
      { key: "km-25-50", label: "25 to 50 km" },
      { key: "km-50+", label: "50 km or more" },
      { key: "km-unknown", label: "Not known" },
    ],
    groupOf: (f) => distanceBand(f.distanceKm),
  },
  {
    id: "area",
    title: "in or out of the council's area",
    rowHeader: "Setting",
    groups: [
      { key: "in-area", label: "In the council's area" },
      { key: "out-of-area", label: "Out of the council's area" },
      { key: "area-unknown", label: "Not known" },
    ],
    groupOf: (f) => yesNoUnknown(f.inArea),
  },
  {
    id: "risks-managed",
    title: "by whether the setting said it manages every present risk",
    rowHeader: "Setting said it manages every present risk",
    groups: [
      { key: "managed-yes", label: "Yes" },
      { key: "managed-no", label: "No" },
      { key: "managed-none", label: "No present risks" },
    ],
    groupOf: (f) => yesNoUnknown(f.risksManaged),
  },
];
