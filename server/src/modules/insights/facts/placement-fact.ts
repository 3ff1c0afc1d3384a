import { PDS_RISK_CODES, type PdsRisk } from "@shared/codes/directory";
import { haversineKm } from "@shared/geo/distance";
import type { PlacementFact } from "@shared/insights/contract";
import { type HighRiskRules, highRiskRulesMet } from "@shared/insights/high-risk";
import type { PlacementSource } from "./placement-sources";

/** A placement fact as stored: the contract's fields and what the table keeps beside them. */
export type StoredPlacementFact = PlacementFact & { regionId: string; reviewsCount: number; synthetic: boolean };

const PRESENT = new Set(["current", "escalating"]);
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Current or escalating risks at the start: the submitted baseline review's if there is one (the
 * council looked again when the child arrived), else the profile's. In the standard's order.
 */
export function presentRisksOf(source: Pick<PlacementSource, "baseline" | "profileRisks">): PdsRisk[] {
  const risks = source.baseline ? source.baseline.risks : source.profileRisks;
  const present = new Set(risks.filter((r) => PRESENT.has(r.trajectory)).map((r) => r.code));
  return PDS_RISK_CODES.filter((code) => present.has(code));
}

/** The rules of the definition this placement meets: the one judgement the facts and the placement page share. */
export function rulesMetBy(source: PlacementSource, rules: HighRiskRules) {
  return highRiskRulesMet(rules, {
    presentRiskCount: presentRisksOf(source).length,
    deprivationOfLiberty: source.deprivationOfLiberty,
    weeklyFeePence: source.weeklyFeePence,
    highestCeilingPence: source.highestCeilingPence,
    lot: source.lot ?? 0,
  });
}

/** Mean change of the outcomes scored both at the baseline and at the latest review. */
function outcomeChangeOf({ baseline, latest }: PlacementSource): number | null {
  if (!baseline || !latest) return null;
  const before = new Map(baseline.scores.map((s) => [s.outcomeId, s.score]));
  const changes = latest.scores.flatMap((s) => {
    const from = before.get(s.outcomeId);
    return from === undefined ? [] : [s.score - from];
  });
  return changes.length === 0 ? null : changes.reduce((a, b) => a + b, 0) / changes.length;
}

/** Incidents of the reviews after the baseline, per 28 days from the baseline (or the start) to the latest review. */
function incidentsPer4WeeksOf(source: PlacementSource): number | null {
  if (!source.latest || source.reviewsCount === 0) return null;
  const days = daysBetween(source.baseline?.date ?? source.startDate, source.latest.date);
  return days > 0 ? (source.reviewIncidents / days) * 28 : null;
}

/** The placement's fact (contract.ts), or null when its lot is unknown (nothing to file it under). */
export function placementFactOf(source: PlacementSource, rules: HighRiskRules): StoredPlacementFact | null {
  if (source.lot === null) return null;
  const presentRisks = presentRisksOf(source);
  return {
    placementId: source.placementId,
    regionId: source.regionId,
    councilId: source.councilId,
    lot: source.lot,
    mode: source.mode,
    awardDate: source.awardDate,
    startDate: source.startDate,
    endDate: source.endDate,
    breakdown: source.breakdown,
    weeklyFeePence: source.weeklyFeePence,
    presentRisks,
    highRiskRules: rulesMetBy(source, rules),
    ofstedGrade: source.ofstedGrade,
    distanceKm: source.home && source.setting ? haversineKm(source.home, source.setting) : null,
    inArea: source.settingLaCode && source.councilLaCode ? source.settingLaCode === source.councilLaCode : null,
    risksManaged: presentRisks.length === 0 ? null : presentRisks.every((risk) => source.risksManaged.includes(risk)),
    daysToAward: source.daysToAward,
    daysNeededToStart: source.daysNeededToStart,
    offersCount: source.offersCount,
    outcomeChange: outcomeChangeOf(source),
    incidentsPer4Weeks: incidentsPer4WeeksOf(source),
    reviewsCount: source.reviewsCount,
    synthetic: source.synthetic,
  };
}
