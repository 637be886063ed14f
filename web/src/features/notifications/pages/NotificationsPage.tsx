import { useState } from 'react';
import { App, Badge, Button, Card, Empty, Flex, Segmented, Spin, Table, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { NOTIFICATION_GROUPS, NOTIFICATION_GROUP_VALUES, type Notification, type NotificationGroup } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { PhonePagination } from '../../../components/PhonePagination';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { serverPagination } from '../../../components/pagination';
import { errorText } from '../../../api/errors';
import { useNarrow } from '../../../hooks/useMedia';
import { useUrlFilters, type FilterPatch } from '../../../hooks/useUrlParams';
import { notificationKeys, notificationsApi } from '../api/notifications';
import { useMarkRead } from '../hooks/useMarkRead';
import { NotificationKindTag } from '../components/NotificationKindTag';

const isGroup = (v: string | null): v is NotificationGroup => NOTIFICATION_GROUP_VALUES.includes(v as NotificationGroup);

/**
 * 消息中心: the user's notifications, newest first, paged on the server; 全部/未读 and the
 * kind's group in the URL. Opening one marks it read and goes to its link; 全部标为已读 and
 * the selected rows (one by one on a phone).
 */
export function NotificationsPage() {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const [sp, setFilters] = useUrlFilters();
  const [selected, setSelected] = useState<number[]>([]);
  const unreadOnly = sp.get('unread') === '1';
  const groupParam = sp.get('group');
  const group = isGroup(groupParam) ? groupParam : undefined;
  const query = {
    unread: unreadOnly ? '1' : undefined,
    group,
    page: Math.max(1, Number(sp.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(sp.get('pageSize')) || 20)),
  };
  const set = (patch: FilterPatch) => {
    setSelected([]);
    setFilters(patch);
  };
  const list = useQuery({ queryKey: notificationKeys.list(query), queryFn: () => notificationsApi.list(query) });
  const read = useMarkRead();
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;

  const mark = (ids?: number[]) =>
    read.mutate(ids, {
      onSuccess: (r) => {
        message.success(t('notifications.marked', { n: r.updated }));
        setSelected([]);
      },
      onError: (e) => message.error(errorText(e, lang)),
    });

  const open = async (n: Notification) => {
    if (!n.readAt) await read.mutateAsync([n.id]).catch(() => undefined);
    if (n.link) navigate(n.link);
  };

  const titleOf = (n: Notification) => (
    <Typography.Link
      onClick={() => void open(n)}
      strong={!n.readAt}
      style={{ display: 'block', overflowWrap: 'anywhere', color: n.readAt ? 'inherit' : undefined }}
      data-testid={`notification-open-${n.id}`}
    >
      {n.title}
    </Typography.Link>
  );
  const bodyOf = (n: Notification) =>
    n.body ? (
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }} ellipsis={{ rows: 2, tooltip: n.body }}>
        {n.body}
      </Typography.Paragraph>
    ) : null;
  const stateOf = (n: Notification) => (
    <span data-testid="notification-state">
      <Badge status={n.readAt ? 'default' : 'processing'} text={n.readAt ? t('notifications.state.read') : t('notifications.state.unread')} />
    </span>
  );

  const columns = [
    { title: t('notifications.col.state'), key: 'state', width: 84, render: (_: unknown, n: Notification) => stateOf(n) },
    { title: t('notifications.col.kind'), dataIndex: 'kind', width: 150, render: (v: string) => <NotificationKindTag kind={v} /> },
    {
      title: t('notifications.col.title'),
      key: 'title',
      render: (_: unknown, n: Notification) => (
        <div style={{ minWidth: 0 }}>
          {titleOf(n)}
          {bodyOf(n)}
        </div>
      ),
    },
    { title: t('notifications.col.time'), dataIndex: 'createdAt', width: 170, render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(v)}</span> },
    {
      title: t('common.actions'),
      key: 'act',
      width: 110,
      render: (_: unknown, n: Notification) =>
        n.readAt ? null : (
          <Button size="small" type="link" onClick={() => mark([n.id])} data-testid={`notification-read-${n.id}`} style={{ paddingInline: 0 }}>
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];

  const filters = (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Segmented
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => set({ unread: v === 'unread' ? '1' : null })}
        options={[
          { value: 'all', label: <span data-testid="filter-all">{t('notifications.filter.all')}</span> },
          { value: 'unread', label: <span data-testid="filter-unread">{t('notifications.filter.unread')}</span> },
        ]}
      />
      <Segmented
        value={group ?? 'any'}
        onChange={(v) => set({ group: v === 'any' ? null : v })}
        options={[
          { value: 'any', label: <span data-testid="filter-group-any">{t('notifications.filter.anyGroup')}</span> },
          ...options(NOTIFICATION_GROUPS).map((o) => ({ value: o.value, label: <span data-testid={`filter-group-${o.value}`}>{o.label}</span> })),
        ]}
      />
    </Flex>
  );
  const empty = unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty');

  return (
    <div>
      <PageHeader
        title={t('notifications.page.title')}
        sub={narrow ? undefined : t('notifications.page.sub')}
        extra={
          <>
            {!narrow && selected.length ? (
              <Button onClick={() => mark(selected)} loading={read.isPending} data-testid="notifications-read-selected">
                {t('notifications.markSelected', { n: selected.length })}
              </Button>
            ) : null}
            <Button type="primary" icon={<CheckOutlined />} disabled={unread === 0} loading={read.isPending && read.variables === undefined} onClick={() => mark(undefined)} data-testid="notifications-page-read-all">
              {t('notifications.readAll')}
            </Button>
          </>
        }
      />
      <Card size={narrow ? 'small' : undefined}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          {filters}
          <Typography.Text type="secondary" style={{ marginBottom: 12 }} data-testid="notifications-unread">
            {t('notifications.page.unread', { n: unread })}
          </Typography.Text>
        </Flex>
        {list.isError ? <Typography.Text type="danger">{errorText(list.error, lang)}</Typography.Text> : null}
        {narrow ? (
          <Spin spinning={list.isFetching}>
            <div data-testid="notifications-table">
              {items.length === 0 && !list.isFetching ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : null}
              {items.map((n) => (
                <Card
                  key={n.id}
                  size="small"
                  style={{ marginBottom: 10, background: n.readAt ? undefined : 'rgba(22,119,255,0.04)' }}
                  data-testid={`notification-row-${n.id}`}
                >
                  <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 4 }}>
                    <NotificationKindTag kind={n.kind} />
                    {stateOf(n)}
                  </Flex>
                  {titleOf(n)}
                  {bodyOf(n)}
                  <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                    {n.readAt ? null : (
                      <Button size="small" type="link" onClick={() => mark([n.id])} data-testid={`notification-read-${n.id}`} style={{ paddingInline: 0 }}>
                        {t('notifications.markRead')}
                      </Button>
                    )}
                  </Flex>
                </Card>
              ))}
              <PhonePagination page={query.page} pageSize={query.pageSize} total={list.data?.total ?? 0} onChange={(page) => set({ page })} />
            </div>
          </Spin>
        ) : (
          <Table<Notification>
            data-testid="notifications-table"
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={items}
            columns={columns}
            tableLayout="fixed"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (n) => ({ disabled: !!n.readAt }) }}
            onRow={(n) => ({ 'data-testid': `notification-row-${n.id}` }) as object}
            pagination={serverPagination(t, { page: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => set({ page, pageSize }) })}
          />
        )}
      </Card>
    </div>
  );
}
