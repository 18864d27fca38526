import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import type * as n from '../../../../src/notifications/notifications.schema.ts';

/* Types of the notification API, from the server's schemas (type-only). */

export type NotificationItem = n.NotificationItem;
export type NotificationPage = n.NotificationPage;
export type MailSettings = n.MailSettings;
export type MailSettingsBody = n.MailSettingsBody;
export type OutboxItem = n.OutboxItem;
export type OutboxPage = n.OutboxPage;
export type OutboxStatusFilter = NonNullable<n.OutboxQuery['status']>;
export type SmtpCheck = n.SmtpCheck;

export const notificationsKey = ['notifications'] as const;

/** How often the bell asks for the unread count while the workspace is open. */
const BELL_POLL_MS = 60_000;

/* The server writes the notifications' text in the request's language: each is a key part. */

export function useNotifications(query: { page: number; pageSize: number; unread?: boolean }) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...notificationsKey, 'list', lang, query],
    queryFn: () => api.get<NotificationPage>('/me/notifications', query),
  });
}

/** The bell's latest few, refreshed every minute and when the window comes back into view. */
export function useBellNotifications() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...notificationsKey, 'bell', lang],
    queryFn: () => api.get<NotificationPage>('/me/notifications', { page: 1, pageSize: 8 }),
    refetchInterval: BELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Mark read, one or all; every notification query is refreshed after. */
export function useMarkRead() {
  const client = useQueryClient();
  const refresh = useCallback(
    () => client.invalidateQueries({ queryKey: notificationsKey }),
    [client],
  );
  const markOne = useCallback(
    async (id: number) => {
      await api.post(`/me/notifications/${id}/read`);
      await refresh();
    },
    [refresh],
  );
  const markAll = useCallback(async () => {
    await api.post('/me/notifications/read-all');
    await refresh();
  }, [refresh]);
  return { markOne, markAll };
}

export function useMailSettings() {
  return useQuery({
    queryKey: [...notificationsKey, 'mail-settings'],
    queryFn: () => api.get<MailSettings>('/me/mail-settings'),
  });
}

export function saveMailSettings(body: MailSettingsBody): Promise<MailSettings> {
  return api.put<MailSettings>('/me/mail-settings', body);
}

export function useOutbox(query: { status: OutboxStatusFilter; page: number; pageSize: number }) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: [...notificationsKey, 'outbox', lang, query],
    queryFn: () => api.get<OutboxPage>('/admin/outbox', query),
  });
}

export function retryOutbox(id: number) {
  return api.post(`/admin/outbox/${id}/retry`);
}

export function checkSmtp(): Promise<SmtpCheck> {
  return api.post<SmtpCheck>('/admin/smtp-check');
}

/** The workspace path of a notification's link (/app/tasks/1 → /tasks/1, under the router's base). */
export function routeOf(link: string): string {
  return link.startsWith('/app/') ? link.slice(4) : link;
}
