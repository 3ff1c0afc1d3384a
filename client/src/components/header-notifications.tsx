import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { useNotificationCentre, useNotificationsLive } from "../realtime/use-notifications-live";

/** "Notifications (3)" in the header, kept live; a screen reader hears "3 unread". */
export function HeaderNotifications() {
  useNotificationsLive(true);
  const { unread } = useNotificationCentre();
  return (
    <Link className="govuk-link govuk-link--inverse" to={PAGE_PATHS.notifications} data-testid="header-notifications">
      Notifications
      {unread === undefined ? null : (
        <>
          {" "}
          ({unread}
          <span className="govuk-visually-hidden"> unread</span>)
        </>
      )}
    </Link>
  );
}
