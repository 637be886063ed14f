/** Texts of the notification centre, merged into the dictionary of i18n/messages.ts. */
export const notificationMessages = {
  'notifications.title': ['消息', 'Notifications'],
  'notifications.bell': ['消息（{n}条未读）', 'Notifications ({n} unread)'],
  'notifications.empty': ['暂无消息', 'No notifications'],
  'notifications.readAll': ['全部标为已读', 'Mark all read'],
  'notifications.unreadOnly': ['只看未读', 'Unread only'],
  'notifications.more': ['查看更多', 'More'],
} as const satisfies Record<string, readonly [string, string]>;
