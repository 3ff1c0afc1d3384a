// The notification centre and the choice of how each kind is told, one chunk downloaded when the
// first of them is shown (lazy routes: ../router.tsx).
export { DevOutboxPage } from "../pages/notifications/dev-outbox-page";
export { NotificationsPage } from "../pages/notifications/notifications-page";
export { NotificationPreferencesPage } from "../pages/notifications/preferences-page";
