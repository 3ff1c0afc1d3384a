/**
 * Evaluation of a request's offers (DOMAIN.md step 6): quality = the commissioner's 0-5 scores
 * as a share of the most they could be, times the quality weight; price = lowest price / this
 * price, times the price weight. Ranked by total, then price, then offer id so ties are stable.
 */
export interface OfferToEvaluate {
  offerId: string;
  weeklyFeePence: number;
  /** criterion id -> 0..5; a criterion not scored counts 0. */
  scores: Record<string, number>;
}

export interface EvaluatedOffer extends OfferToEvaluate {
  qualityScore: number;
  priceScore: number;
  total: number;
  rank: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function evaluateOffers(offers: OfferToEvaluate[], criteriaIds: string[], weights: { quality: number; price: number }): EvaluatedOffer[] {
  if (offers.length === 0) return [];
  const lowest = Math.min(...offers.map((o) => o.weeklyFeePence));
  const most = 5 * Math.max(criteriaIds.length, 1);
  const scored = offers.map((o) => {
    const quality = criteriaIds.reduce((sum, id) => sum + (o.scores[id] ?? 0), 0);
    const qualityScore = round2((quality / most) * weights.quality);
    const priceScore = round2(o.weeklyFeePence === 0 ? weights.price : (lowest / o.weeklyFeePence) * weights.price);
    return { ...o, qualityScore, priceScore, total: round2(qualityScore + priceScore), rank: 0 };
  });
  scored.sort((a, b) => b.total - a.total || a.weeklyFeePence - b.weeklyFeePence || a.offerId.localeCompare(b.offerId));
  return scored.map((o, i) => ({ ...o, rank: i + 1 }));
}

/**
 * What a provider is told of its own price score. The exact figure, lowest ÷ its fee × the price
 * weight, would give away the lowest fee: another tenderer's commercially sensitive price. So a
 * provider learns a range: the price scores of every lowest fee in the same £200 step below its
 * own fee (0 to £200 below, £200 to £400 below, ...), rounded outwards to one decimal place. From
 * it, the lowest fee is known only to within a £200 window (±£100), never within £50. The
 * steps are counted down from the provider's own fee so that the window is whole even when the
 * provider's is the lowest (it then learns only that no one was more than £200 cheaper).
 */
export const PRICE_FEEDBACK_STEP_PENCE = 20_000;

export interface ScoreRange {
  low: number;
  high: number;
}

const down1 = (n: number) => Math.floor(n * 10 + 1e-9) / 10;
const up1 = (n: number) => Math.ceil(n * 10 - 1e-9) / 10;

export function priceScoreRangeFor(weeklyFeePence: number, lowestPence: number, priceWeight: number): ScoreRange {
  if (weeklyFeePence <= 0) return { low: priceWeight, high: priceWeight };
  const step = Math.floor((weeklyFeePence - lowestPence) / PRICE_FEEDBACK_STEP_PENCE);
  const lowestFrom = Math.max(0, weeklyFeePence - (step + 1) * PRICE_FEEDBACK_STEP_PENCE);
  const lowestTo = weeklyFeePence - step * PRICE_FEEDBACK_STEP_PENCE;
  const score = (lowest: number) => (lowest / weeklyFeePence) * priceWeight;
  return { low: down1(score(lowestFrom)), high: Math.min(priceWeight, up1(score(lowestTo))) };
}

/** A provider's own row of the evaluation: its quality exactly; its price score and total as ranges. */
export function providerFeedback(
  evaluation: EvaluatedOffer[],
  offerId: string,
  priceWeight: number,
): { priceScoreRange: ScoreRange; totalRange: ScoreRange } | undefined {
  const own = evaluation.find((e) => e.offerId === offerId);
  if (!own) return undefined;
  const lowest = Math.min(...evaluation.map((e) => e.weeklyFeePence));
  const priceScoreRange = priceScoreRangeFor(own.weeklyFeePence, lowest, priceWeight);
  return { priceScoreRange, totalRange: { low: round2(own.qualityScore + priceScoreRange.low), high: round2(own.qualityScore + priceScoreRange.high) } };
}
