import type { NotificationView, TodoView } from '@rectify/domain/schemas/workbench';
import { api, get } from '../../../api.ts';
import { listEvents } from '../events/service.ts';

/** The latest events in scope. */
export const recentEvents = () => listEvents({ page: 1, pageSize: 8 });

/** What the state machine waits for from this user, most urgent first (GET /api/workbench/todo). */
export const myTodo = () => get<TodoView>('/api/workbench/todo');

/** Open reminders addressed to this user's unit or roles (GET /api/notifications). */
export const openNotifications = () =>
  get<{ items: NotificationView[] }>('/api/notifications', { open: 'true', limit: 50 });

export const markNotificationDone = (id: string) => api<NotificationView>('POST', `/api/notifications/${id}/done`);
