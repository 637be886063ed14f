import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, List, Select, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../components/PageHeader';
import { formatWan } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { reportKeys, reportsApi } from '../api/reports';
import { ReportForm } from '../components/ReportForm';
import { ReportStatusTag } from '../components/ReportStatusTag';

/** 月报填报: the projects the user reports for, in an open month, and the form of one. */
export function ReportFillPage() {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const [sp, setSp] = useSearchParams();
  const windows = useQuery({ queryKey: reportKeys.windows, queryFn: reportsApi.windows });
  const open = (windows.data ?? []).filter((w) => w.status === 'open');
  const chosen = sp.get('ym') ?? (open[0] ? `${open[0].year}-${open[0].month}` : null);
  const [year, month] = chosen ? chosen.split('-').map(Number) : [0, 0];
  const projectId = Number(sp.get('project')) || null;
  const list = useQuery({ queryKey: reportKeys.list({ year, month }), queryFn: () => reportsApi.list({ year, month }), enabled: !!year });
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) v == null ? next.delete(k) : next.set(k, v);
    setSp(next);
  };
  if (projectId && year) {
    return (
      <div>
        <Button type="link" icon={<LeftOutlined />} onClick={() => set({ project: null })} style={{ paddingLeft: 0 }}>
          {L('返回我的月报', 'Back to my reports')}
        </Button>
        <ReportForm projectId={projectId} year={year} month={month!} />
      </div>
    );
  }
  return (
    <div>
      <PageHeader
        title={L('月报填报', 'Monthly reports')}
        sub={L('本月完成投资、形象进度、存在问题和现场照片（单位：万元）', 'Investment, progress, problems and photos (10k CNY)')}
        extra={
          <Select
            style={{ width: 160 }}
            value={chosen ?? undefined}
            placeholder={L('填报月份', 'Month')}
            onChange={(v) => set({ ym: v })}
            options={(windows.data ?? []).map((w) => ({ value: `${w.year}-${w.month}`, label: `${w.year}年${w.month}月${w.status === 'open' ? '' : L('（已关闭）', ' (closed)')}` }))}
          />
        }
      />
      {!chosen ? (
        <Empty description={L('当前没有开启的填报月份', 'No month is open for reporting')} />
      ) : (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: L('没有需要填报的项目', 'No projects to report') }}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8, cursor: 'pointer' }} onClick={() => set({ project: String(r.projectId), ym: chosen })} data-testid={`report-row-${r.projectId}`}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {r.projectName}
                </Typography.Text>
                <ReportStatusTag report={r} />
              </Flex>
              <Typography.Text type="secondary">
                {r.status ? `${L('本月', 'Month')} ${formatWan(r.investment)} · ${L('年初至今', 'YTD')} ${formatWan(r.figures.ytd)}` : L('未填报', 'Not filled')}
              </Typography.Text>
              {r.status === 'returned' && r.returnReason ? <div><Typography.Text type="danger">{r.returnReason}</Typography.Text></div> : null}
            </Card>
          )}
        />
      )}
    </div>
  );
}
