import { formatPence } from "../money";

/**
 * An offer's rules beyond its schema's shapes, the same in the browser (before sending) and on
 * the server (which decides): every quality criterion answered and no other, a fee, and above
 * the band's ceiling (copied onto the request when it was made) a justification, as the
 * framework requires. Fields are relative to the offer (`criteria.<id>`, `fee`, `justification`).
 */
export interface OfferRuleIssue {
  field: string;
  message: string;
}

/** Above the band's ceiling an offer must say why. */
export const needsJustification = (weeklyFeePence: number, ceilingPence: number | null) => ceilingPence !== null && weeklyFeePence > ceilingPence;

export function justificationIssues(weeklyFeePence: number, ceilingPence: number | null, justification: string | null | undefined): OfferRuleIssue[] {
  if (!needsJustification(weeklyFeePence, ceilingPence) || justification?.trim()) return [];
  return [
    {
      field: "justification",
      message: `Your weekly fee of ${formatPence(weeklyFeePence)} is above the band’s ceiling of ${formatPence(ceilingPence ?? 0)}: say why`,
    },
  ];
}

export function offerRuleIssues(offer: {
  criteria: readonly { id: string; label: string }[];
  answers: Record<string, string | undefined>;
  weeklyFeePence: number;
  ceilingPence: number | null;
  justification: string | null | undefined;
}): OfferRuleIssue[] {
  const issues: OfferRuleIssue[] = [];
  const ids = new Set(offer.criteria.map((c) => c.id));
  for (const c of offer.criteria) if (!offer.answers[c.id]?.trim()) issues.push({ field: `criteria.${c.id}`, message: `Say how you meet “${c.label}”` });
  for (const id of Object.keys(offer.answers)) if (!ids.has(id)) issues.push({ field: `criteria.${id}`, message: "This request has no such criterion" });
  if (offer.weeklyFeePence === 0) issues.push({ field: "fee", message: "Enter the weekly fee" });
  return [...issues, ...justificationIssues(offer.weeklyFeePence, offer.ceilingPence, offer.justification)];
}
