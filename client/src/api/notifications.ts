import {
  type NotificationList,
  NotificationListSchema,
  type NotificationPreferencesInput,
  NotificationPreferencesSchema,
  NotificationReadSchema,
  NotificationsReadAllSchema,
} from "@shared/schemas/notifications";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

export async function fetchNotifications(signal: AbortSignal): Promise<NotificationList> {
  return apiRequest("/api/v1/notifications", NotificationListSchema, { signal });
}

/** Only the count matters to the header: one unread entry is enough to carry it. */
export async function fetchUnreadCount(signal: AbortSignal) {
  return (await apiRequest("/api/v1/notifications?unread=true&limit=1", NotificationListSchema, { signal })).unread;
}

export async function markNotificationRead(id: string) {
  return apiRequest(`/api/v1/notifications/${id}/read`, NotificationReadSchema, { method: "POST" });
}

export async function markAllNotificationsRead() {
  return apiRequest("/api/v1/notifications/read-all", NotificationsReadAllSchema, { method: "POST" });
}

async function fetchPreferences(signal: AbortSignal) {
  return (await apiRequest("/api/v1/notifications/preferences", NotificationPreferencesSchema, { signal })).data;
}

export function useNotificationPreferences() {
  return useApiQuery(fetchPreferences);
}

export async function saveNotificationPreferences(input: NotificationPreferencesInput) {
  return (await apiRequest("/api/v1/notifications/preferences", NotificationPreferencesSchema, { method: "PUT", body: input })).data;
}
