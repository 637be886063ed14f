import { Card, Empty, Flex, Layout, Result, Select, Skeleton, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { PublicTable } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { LangSwitch } from '../../../app/LangSwitch';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { EfficiencyTable, TopBottom } from '../components/EfficiencyTable';

const keyOf = (p: Pick<PublicTable, 'kind' | 'period'>) => `${p.kind}:${p.period}`;

/**
 * 信息公开: the department efficiency tables the admin published, for anyone, without
 * signing in. Only the published figures (as of their publication) and department names.
 */
export function PublicEfficiencyPage() {
  const { t, lang } = useI18n();
  const [sp, setSp] = useSearchParams();
  const index = useQuery({ queryKey: approvalKeys.publicIndex, queryFn: approvalsApi.publicIndex });
  const chosen = sp.get('t') ?? (index.data?.[0] ? keyOf(index.data[0]) : null);
  const [kind, period] = chosen ? (chosen.split(':') as [string, string]) : ['', ''];
  const table = useQuery({ queryKey: approvalKeys.publicTable(kind, period), queryFn: () => approvalsApi.publicTable(kind, period), enabled: !!chosen });
  const title = (p: Pick<PublicTable, 'kind' | 'period'>) =>
    p.kind === 'department_monthly'
      ? t('pub.monthly', { year: p.period.slice(0, 4), month: Number(p.period.slice(5, 7)) })
      : t('pub.quarterly', { year: p.period.slice(0, 4), q: p.period.slice(5) });
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#1d5fbf', display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 16px' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }} ellipsis>
          {t('pub.title')}
        </Typography.Text>
        <Flex gap={8} align="center" style={{ flexShrink: 0 }}>
          <span style={{ filter: 'invert(1)' }}>
            <LangSwitch compact />
          </span>
          <Link to="/login" style={{ color: '#fff' }}>
            {t('pub.login')}
          </Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('pub.sub')}</Typography.Text>
          {index.isPending ? (
            <Skeleton active />
          ) : !index.data?.length ? (
            <Empty description={t('pub.none')} data-testid="public-empty" />
          ) : (
            <>
              <Select
                style={{ width: '100%', maxWidth: 360 }}
                aria-label={t('pub.choose')}
                value={chosen}
                onChange={(v) => setSp(new URLSearchParams({ t: v }), { replace: true })}
                options={index.data.map((p) => ({ value: keyOf(p), label: title(p) }))}
                data-testid="public-period"
              />
              {table.error ? (
                <Result status="404" subTitle={errorText(table.error, lang)} />
              ) : !table.data ? (
                <Skeleton active />
              ) : (
                <Card size="small" title={<span data-testid="public-title">{title(table.data)}</span>}>
                  <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                    <Typography.Text type="secondary">{t('pub.at', { at: formatDateTime(table.data.publishedAt) })}</Typography.Text>
                    <EfficiencyTable rows={table.data.rows} grades={table.data.kind === 'department_quarterly'} testId="public-table" />
                    <TopBottom top={table.data.top} bottom={table.data.bottom} />
                    <Typography.Text type="secondary">{t('eff.formula')}</Typography.Text>
                  </Space>
                </Card>
              )}
            </>
          )}
        </Space>
      </Layout.Content>
    </Layout>
  );
}
