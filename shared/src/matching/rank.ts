import { haversineKm } from "../geo/distance";
import { type Exclusion, type Match, MATCH_CRITERIA } from "../schemas/matching";
import { HARD_RULES } from "./rules";
import { SCORERS } from "./scores";
import type { MatchChild, MatchSetting, Pairing, RankOptions, RankResult } from "./types";
import { MATCH_WEIGHTS } from "./weights";

interface Scored {
  pairing: Pairing;
  /** Per criterion, in MATCH_CRITERIA order, rounded as shown. */
  points: number[];
  /** The sum of the points as shown, so the criteria always add up to the score. */
  score: number;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
// Code-unit order, not localeCompare: the same order on every machine and in every locale.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Score (desc), then distance (asc, unknown last), then name, then id: a total order. */
function byRank(a: Scored, b: Scored): number {
  if (a.score !== b.score) return b.score - a.score;
  const da = a.pairing.distanceKm ?? Infinity;
  const db = b.pairing.distanceKm ?? Infinity;
  if (da !== db) return da - db;
  return compareText(a.pairing.setting.name, b.pairing.setting.name) || compareText(a.pairing.setting.id, b.pairing.setting.id);
}

/**
 * A child and a setting, the distance worked out when first read: a whole region's directory
 * passes through here, and most settings fail a cheaper rule (lot, age, need) before distance.
 */
class Candidate implements Pairing {
  #distanceKm: number | null | undefined;
  constructor(
    readonly child: MatchChild,
    readonly setting: MatchSetting,
  ) {}
  get distanceKm(): number | null {
    if (this.#distanceKm === undefined)
      this.#distanceKm = this.child.home && this.setting.location ? haversineKm(this.child.home, this.setting.location) : null;
    return this.#distanceKm;
  }
}

function breaksAnyRule(pairing: Pairing): boolean {
  for (const rule of HARD_RULES) if (rule.breaks(pairing)) return true;
  return false;
}

function score(pairing: Pairing): Scored {
  const points = MATCH_CRITERIA.map((c) => oneDecimal(MATCH_WEIGHTS[c] * SCORERS[c].share(pairing)));
  return { pairing, points, score: oneDecimal(points.reduce((sum, p) => sum + p, 0)) };
}

function present({ pairing, points, score }: Scored, rank: number): Match {
  const { setting: s, distanceKm } = pairing;
  return {
    rank,
    settingId: s.id,
    settingName: s.name,
    organisationName: s.organisationName,
    town: s.town,
    outcode: s.outcode,
    distanceKm: distanceKm === null ? null : oneDecimal(distanceKm),
    vacancies: s.vacancies,
    ofstedGrade: s.ofstedGrade,
    bandPricePence: s.bandPricePence,
    score,
    criteria: MATCH_CRITERIA.map((criterion, i) => ({
      criterion,
      points: points[i] ?? 0,
      maxPoints: MATCH_WEIGHTS[criterion],
      reason: SCORERS[criterion].reason(pairing),
    })),
  };
}

function explainExclusion(pairing: Pairing): Exclusion | null {
  const broken = HARD_RULES.filter((r) => r.breaks(pairing));
  if (broken.length === 0) return null;
  return { settingId: pairing.setting.id, settingName: pairing.setting.name, reasons: broken.map((r) => ({ rule: r.rule, reason: r.reason(pairing) })) };
}

/**
 * Ranks settings for a child: every hard rule first (a setting breaking any is left out), then
 * the weighted criteria. Pure and deterministic: the same child and settings give the same
 * answer in any input order. Reasons are written only for what is returned, so ranking a whole
 * region's directory stays fast.
 */
export function rankMatches(child: MatchChild, settings: readonly MatchSetting[], options: RankOptions): RankResult {
  const eligible: Scored[] = [];
  const excluded: Exclusion[] = [];
  for (const setting of settings) {
    const pairing = new Candidate(child, setting);
    if (options.explainExcluded) {
      const exclusion = explainExclusion(pairing);
      if (exclusion) {
        excluded.push(exclusion);
        continue;
      }
    } else if (breaksAnyRule(pairing)) continue;
    eligible.push(score(pairing));
  }
  eligible.sort(byRank);
  const matches = eligible.slice(0, Math.max(0, options.limit)).map((s, i) => present(s, i + 1));
  if (!options.explainExcluded) return { considered: settings.length, matches };
  excluded.sort((a, b) => compareText(a.settingName, b.settingName) || compareText(a.settingId, b.settingId));
  return { considered: settings.length, matches, excluded };
}
