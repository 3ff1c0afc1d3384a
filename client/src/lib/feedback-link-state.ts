/** Router state carried by "feedback" links, so the form can say which page the feedback is about. */
export interface FeedbackLinkState {
  from: string;
}

export function feedbackLinkState(pathname: string): FeedbackLinkState | undefined {
  return pathname === "/feedback" ? undefined : { from: pathname };
}
