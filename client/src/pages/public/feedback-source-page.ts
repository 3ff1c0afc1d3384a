import { ServiceFeedbackCreateSchema } from "@shared/schemas/service-feedback";
import type { FeedbackLinkState } from "../../lib/feedback-link-state";

/**
 * The page the person came from, as a path only: from our own feedback links, or from the
 * referrer when they arrived with a full page load. Anything the schema would refuse is dropped
 * rather than shown as an error they could not fix.
 */
export function feedbackSourcePage(state: unknown): string | undefined {
  const fromLink = (state as Partial<FeedbackLinkState> | null)?.from;
  const candidate = typeof fromLink === "string" ? fromLink : pathFromReferrer();
  if (!candidate || candidate === "/feedback") return undefined;
  const parsed = ServiceFeedbackCreateSchema.shape.page.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

function pathFromReferrer(): string | undefined {
  if (!document.referrer) return undefined;
  try {
    const url = new URL(document.referrer);
    return url.origin === window.location.origin ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}
