import { useState } from "react";
import { useLocation } from "react-router";
import type { ServiceFeedbackReceipt } from "@shared/schemas/service-feedback";
import { FeedbackConfirmation } from "./feedback-confirmation";
import { FeedbackForm } from "./feedback-form";
import { feedbackSourcePage } from "./feedback-source-page";

export function FeedbackPage() {
  const location = useLocation();
  // Read once: following an in-page link (the skip link) adds a history entry without this state.
  const [sourcePage] = useState(() => feedbackSourcePage(location.state));
  const [receipt, setReceipt] = useState<ServiceFeedbackReceipt["data"]>();

  if (receipt) return <FeedbackConfirmation returnTo={sourcePage} />;
  return <FeedbackForm sourcePage={sourcePage} onSent={setReceipt} />;
}
