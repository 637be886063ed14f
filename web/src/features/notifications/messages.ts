import type { Messages } from '../../i18n/messages';

/** Texts of the notification centre. */
export const notificationMessages = {
  'nav.notifications': ['消息中心', 'Notifications'],
  'notifications.title': ['消息', 'Notifications'],
  'notifications.bell': ['消息（{n}条未读）', 'Notifications ({n} unread)'],
  'notifications.empty': ['暂无消息', 'No notifications'],
  'notifications.readAll': ['全部标为已读', 'Mark all read'],
  'notifications.unreadOnly': ['只看未读', 'Unread only'],
  'notifications.more': ['查看更多', 'More'],
  'notifications.viewAll': ['查看全部消息', 'All notifications'],
  'notifications.page.title': ['消息中心', 'Notifications'],
  'notifications.page.sub': ['问题交办、升级、答复和审批预警等通知，点击消息可直达办理页面', 'Problems assigned, escalated and answered, approval signals and more; open a notice to go where it is handled'],
  'notifications.page.unread': ['未读 {n} 条', '{n} unread'],
  'notifications.filter.all': ['全部', 'All'],
  'notifications.filter.unread': ['未读', 'Unread'],
  'notifications.filter.anyGroup': ['全部分类', 'Any kind'],
  'notifications.col.state': ['状态', 'State'],
  'notifications.col.kind': ['类型', 'Kind'],
  'notifications.col.title': ['消息内容', 'Notice'],
  'notifications.col.time': ['时间', 'Time'],
  'notifications.state.read': ['已读', 'Read'],
  'notifications.state.unread': ['未读', 'Unread'],
  'notifications.open': ['查看', 'Open'],
  'notifications.markRead': ['标为已读', 'Mark read'],
  'notifications.markSelected': ['选中的标为已读（{n}）', 'Mark selected read ({n})'],
  'notifications.marked': ['已将{n}条消息标为已读', '{n} marked read'],
  'notifications.emptyUnread': ['没有未读消息', 'No unread notifications'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    notifications: typeof notificationMessages;
  }
}
