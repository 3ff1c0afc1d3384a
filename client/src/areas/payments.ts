// The payments pages (the council's invoices, the provider's Stripe account and income, the hub's settings and
// overview, Stripe's return pages), one chunk downloaded when the first of them is shown (lazy routes: ../router.tsx).
export { ConnectRefreshPage, ConnectReturnPage } from "../pages/payments/connect-pages";
export { InvoicePage } from "../pages/payments/invoice-page";
export { MembershipCancelPage, MembershipSuccessPage } from "../pages/payments/membership-pages";
export { PaymentsPage } from "../pages/payments/payments-page";
