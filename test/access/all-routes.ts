import { CORE_MATRIX, type MatrixEntry } from "./matrix";
import { CHILDREN_MATRIX } from "./matrix-children";
import { DIRECTORY_MATRIX } from "./matrix-directory";
import { FEEDBACK_MATRIX } from "./matrix-feedback";
import { FRAMEWORK_MATRIX } from "./matrix-framework";
import { HIGH_RISK_MATRIX } from "./matrix-high-risk";
import { INSIGHTS_MATRIX } from "./matrix-insights";
import { NOTIFICATIONS_CENTRE_MATRIX } from "./matrix-notifications-centre";
import { NOTIFICATIONS_OUTBOX_MATRIX } from "./matrix-notifications-outbox";
import { OUTCOME_REVIEW_MATRIX } from "./matrix-outcome-reviews";
import { PAYMENTS_BILLING_MATRIX } from "./matrix-payments-billing";
import { PAYMENTS_READS_MATRIX } from "./matrix-payments-reads";
import { PAYMENTS_STRIPE_MATRIX } from "./matrix-payments-stripe";
import { PLACEMENT_REQUEST_MATRIX } from "./matrix-placement-requests";
import { REVIEW_ROUND_MATRIX } from "./matrix-review-rounds";

/** Every API route of every capability; the access-matrix test requires each to be here. */
export const ACCESS_MATRIX: MatrixEntry[] = [
  ...CORE_MATRIX,
  ...FRAMEWORK_MATRIX,
  ...DIRECTORY_MATRIX,
  ...FEEDBACK_MATRIX,
  ...REVIEW_ROUND_MATRIX,
  ...CHILDREN_MATRIX,
  ...PLACEMENT_REQUEST_MATRIX,
  ...HIGH_RISK_MATRIX,
  ...OUTCOME_REVIEW_MATRIX,
  ...INSIGHTS_MATRIX,
  ...PAYMENTS_BILLING_MATRIX,
  ...PAYMENTS_READS_MATRIX,
  ...PAYMENTS_STRIPE_MATRIX,
  ...NOTIFICATIONS_CENTRE_MATRIX,
  ...NOTIFICATIONS_OUTBOX_MATRIX,
];
