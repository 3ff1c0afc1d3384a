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
