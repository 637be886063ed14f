import { App, Button, Card, DatePicker, Flex, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PUBLIC_TABLE_KINDS, monthPeriodKey, quarterPeriodKey, type PublicTableKind } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useCan } from '../../auth/hooks/useAuth';
import { approvalKeys, approvalsApi, type PublishedTable } from '../api/approvals';
import { EfficiencyTable, TopBottom } from '../components/EfficiencyTable';
import { pct } from '../components/ApprovalTags';

function PublishBar({ kind, period, publishedAt }: { kind: PublicTableKind; period: string; publishedAt: string | null }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (published: boolean) => approvalsApi.publish(kind, period, published),
    onSuccess: (_d, published) => {
      message.success(published ? t('eff.publishedOk') : t('eff.withdrawn'));
      void qc.invalidateQueries({ queryKey: ['efficiency'] });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <>
      <Button type={publishedAt ? 'default' : 'primary'} icon={<GlobalOutlined />} loading={m.isPending} onClick={() => m.mutate(true)} data-testid="btn-publish">
        {publishedAt ? t('eff.republish') : t('eff.publish')}
      </Button>
      {publishedAt ? (
        <Popconfirm title={t('eff.unpublish')} onConfirm={() => m.mutate(false)}>
          <Button danger data-testid="btn-unpublish">
            {t('eff.unpublish')}
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );
}

function PublishedState({ at }: { at: string | null }) {
  const { t } = useI18n();
  return at ? (
    <Tag color="green" data-testid="published-state">
      {t('eff.published', { at: formatDateTime(at) })}
    </Tag>
  ) : (
    <Tag data-testid="published-state">{t('eff.notPublished')}</Tag>
  );
}

/** 效能监察: the monthly department ranking and the quarterly grades; export, publication. */
export function EfficiencyPage() {
  const { t, label } = useI18n();
  const can = useCan();
  const [sp, update] = useUrlParams();
  // the table a county works on is last month's (the one it publishes), and that month's quarter
  const ref = dayjs().subtract(1, 'month');
  const tab = sp.get('tab') === 'quarter' ? 'quarter' : 'month';
  const year = Number(sp.get('year') ?? ref.year());
  const month = Number(sp.get('month') ?? ref.month() + 1);
  const quarter = Number(sp.get('quarter') ?? Math.floor(ref.month() / 3) + 1);
  const set = (patch: Record<string, string | number>) =>
    update((cur) => {
      for (const [k, v] of Object.entries(patch)) cur.set(k, String(v));
      return cur;
    });
  const monthQ = useQuery({ queryKey: approvalKeys.month(year, month), queryFn: () => approvalsApi.month(year, month), enabled: tab === 'month' });
  const quarterQ = useQuery({ queryKey: approvalKeys.quarter(year, quarter), queryFn: () => approvalsApi.quarter(year, quarter), enabled: tab === 'quarter' });
  const published = useQuery({ queryKey: approvalKeys.published, queryFn: approvalsApi.published });
  const canPublish = can('efficiency:publish');
  const cut = quarterQ.data?.cutoffs;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader
        title={t('eff.title')}
        sub={t('eff.sub')}
        extra={
          <Link to="/public/efficiency" target="_blank" data-testid="link-public">
            <GlobalOutlined /> {t('eff.publicLink')}
          </Link>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          {
            key: 'month',
            label: t('eff.month'),
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <DatePicker picker="month" allowClear={false} value={dayjs(`${year}-${String(month).padStart(2, '0')}-01`)} onChange={(d) => d && set({ year: d.year(), month: d.month() + 1 })} data-testid="eff-month" />
                  <PublishedState at={monthQ.data?.publishedAt ?? null} />
                  <Button icon={<DownloadOutlined />} onClick={() => void approvalsApi.exportMonth(year, month)} data-testid="btn-eff-export">
                    {t('eff.export')}
                  </Button>
                  {canPublish ? <PublishBar kind="department_monthly" period={monthPeriodKey(year, month)} publishedAt={monthQ.data?.publishedAt ?? null} /> : null}
                </Flex>
                <EfficiencyTable rows={monthQ.data?.rows ?? []} />
                <TopBottom top={monthQ.data?.top ?? []} bottom={monthQ.data?.bottom ?? []} />
                <Typography.Text type="secondary">{t('eff.formula')}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'quarter',
            label: t('eff.quarter'),
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <DatePicker picker="quarter" allowClear={false} value={dayjs(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`)} onChange={(d) => d && set({ year: d.year(), quarter: Math.floor(d.month() / 3) + 1 })} data-testid="eff-quarter" />
                  <PublishedState at={quarterQ.data?.publishedAt ?? null} />
                  {canPublish ? <PublishBar kind="department_quarterly" period={quarterPeriodKey(year, quarter)} publishedAt={quarterQ.data?.publishedAt ?? null} /> : null}
                </Flex>
                <EfficiencyTable rows={quarterQ.data?.rows ?? []} grades testId="efficiency-quarter-table" />
                {cut ? (
                  <Typography.Text type="secondary">
                    {t('eff.cutoffs', {
                      e1: pct(cut.excellent.minSpeedUp),
                      e2: cut.excellent.maxOverdue,
                      e3: pct(cut.excellent.minSatisfaction),
                      g1: pct(cut.good.minSpeedUp),
                      g2: cut.good.maxOverdue,
                      g3: pct(cut.good.minSatisfaction),
                      p1: pct(cut.pass.minSpeedUp),
                      p2: cut.pass.maxOverdue,
                      p3: pct(cut.pass.minSatisfaction),
                    })}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title={t('eff.publishedTables')}>
        <Table<PublishedTable>
          rowKey={(r) => `${r.kind}-${r.period}`}
          size="small"
          pagination={false}
          dataSource={published.data ?? []}
          data-testid="published-tables"
          columns={[
            { title: t('eff.kind'), dataIndex: 'kind', render: (v: string) => label(PUBLIC_TABLE_KINDS, v) },
            { title: t('eff.period'), dataIndex: 'period' },
            { title: t('eff.publishedAt'), dataIndex: 'publishedAt', render: (v: string) => formatDateTime(v) },
            { title: t('eff.publishedBy'), dataIndex: 'publishedBy' },
          ]}
        />
      </Card>
    </Space>
  );
}
