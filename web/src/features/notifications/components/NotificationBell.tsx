import { useState } from 'react';
import { Badge, Button, Empty, Flex, List, Popover, Switch, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Notification } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../components/format';
import { useCan } from '../../auth/hooks/useAuth';
import { notificationKeys, notificationsApi } from '../api/notifications';
import { useMarkRead } from '../hooks/useMarkRead';

/** The bell in the header: unread count (polled each minute), the latest notices, mark read. */
export function NotificationBell() {
  const can = useCan();
  if (!can('notification:read')) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [pageSize, setPageSize] = useState(10);
  const count = useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.unread, refetchInterval: 60_000 });
  const q = { unread: unreadOnly ? '1' : undefined, pageSize };
  const list = useQuery({ queryKey: notificationKeys.list(q), queryFn: () => notificationsApi.list(q), enabled: open });
  const read = useMarkRead();
  const { token } = theme.useToken();
  // the count query is always active, so it is refetched after any change; the list only while open
  const n = count.data?.unread ?? list.data?.unread ?? 0;
  const go = (item: Notification) => {
    if (!item.readAt) read.mutate([item.id]);
    setOpen(false);
    if (item.link) navigate(item.link);
  };
  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Flex gap={6} align="center">
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />
          <Typography.Text type="secondary">{t('notifications.unreadOnly')}</Typography.Text>
        </Flex>
        <Button size="small" type="link" disabled={n === 0} onClick={() => read.mutate(undefined)} data-testid="notifications-read-all">
          {t('notifications.readAll')}
        </Button>
      </Flex>
      {list.data && list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              onClick={() => go(item)}
              style={{ cursor: item.link ? 'pointer' : 'default', paddingInline: 4, background: item.readAt ? undefined : 'rgba(22,119,255,0.06)' }}
              data-testid={`notification-${item.id}`}
            >
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong={!item.readAt} style={{ display: 'block', overflowWrap: 'anywhere' }}>
                  {item.title}
                </Typography.Text>
                {item.body ? (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }} ellipsis={{ rows: 2 }}>
                    {item.body}
                  </Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {formatDateTime(item.createdAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {list.data && list.data.total > list.data.items.length ? (
        <Button block type="link" onClick={() => setPageSize((s) => s + 20)}>
          {t('notifications.more')}
        </Button>
      ) : null}
      <div style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, marginTop: 4, paddingTop: 4, textAlign: 'center' }}>
        <Button
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
          data-testid="notifications-view-all"
        >
          {t('notifications.viewAll')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={t('notifications.title')} content={content}>
      <Button type="text" aria-label={t('notifications.bell', { n })} data-testid="notification-bell" style={{ height: 40, width: 40, padding: 0 }}>
        <Badge count={n} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
