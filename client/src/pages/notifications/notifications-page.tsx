import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Notification } from "@shared/schemas/notifications";
import { fetchNotifications, markAllNotificationsRead, markNotificationRead } from "../../api/notifications";
import { useApiQuery } from "../../api/use-api-query";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format-date";
import { setUnreadCount, useNotificationCentre } from "../../realtime/use-notifications-live";

/** The list, and the header's count from the same answer so the two never disagree. */
async function loadNotifications(signal: AbortSignal): Promise<Notification[]> {
  const list = await fetchNotifications(signal);
  setUnreadCount(list.unread);
  return list.data;
}

/** The person's notifications, newest first; opening one marks it read. New ones appear as they arrive. */
export function NotificationsPage() {
  usePageTitle("Notifications");
  const list = useApiQuery(loadNotifications);
  const { arrivals } = useNotificationCentre();
  const [allRead, setAllRead] = useState(false);
  const { reload } = list;

  // A new notification came over /live: fetch the list again, keeping what is shown meanwhile.
  useEffect(() => {
    if (arrivals > 0) void reload();
  }, [arrivals, reload]);

  const readAll = async () => {
    await markAllNotificationsRead();
    await reload();
    setAllRead(true);
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {allRead ? <SuccessBanner title="All your notifications are marked as read." /> : null}
        <h1 className="govuk-heading-l">Notifications</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to={PAGE_PATHS.notificationPreferences}>
            Choose how you are told of each kind of notification
          </Link>
        </p>
        <QueryView query={list} what="your notifications" empty={<p className="govuk-body">You have no notifications.</p>}>
          {(items) => (
            <>
              {items.some((n) => n.readAt === null) ? (
                <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => void readAll()}>
                  Mark all as read
                </button>
              ) : null}
              <ul className="govuk-list">
                {items.map((notification) => (
                  <NotificationItem key={notification.id} notification={notification} />
                ))}
              </ul>
            </>
          )}
        </QueryView>
      </div>
    </div>
  );
}

/**
 * One notification: its title links to what it is about. Following the link marks it read first,
 * so the count is right on the page it lands on; if that fails, the person still gets there.
 */
function NotificationItem({ notification }: { notification: Notification }) {
  const navigate = useNavigate();
  const unread = notification.readAt === null;
  const open = async () => {
    if (unread) {
      try {
        setUnreadCount((await markNotificationRead(notification.id)).unread);
      } catch {
        // Marking read is a courtesy: the page the person asked for matters more.
      }
    }
    await navigate(notification.link);
  };
  return (
    <li className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
        {unread ? <strong className="govuk-tag govuk-tag--blue govuk-!-margin-right-2">Unread</strong> : null}
        <Link
          className="govuk-link"
          to={notification.link}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            void open();
          }}
        >
          {notification.title}
        </Link>
      </h2>
      <p className="govuk-body govuk-!-margin-bottom-1">{notification.body}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-0">{formatDateTime(notification.createdAt)}</p>
    </li>
  );
}
