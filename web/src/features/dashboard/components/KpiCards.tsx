import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { YEAR_CATEGORIES, type DashboardDto } from '@tiaodu/contracts';
import { formatWan } from '../../../components/format';
import { useI18n } from '../../../i18n';

function Kpi({ title, value, suffix, foot, testId }: { title: ReactNode; value: ReactNode; suffix?: ReactNode; foot?: ReactNode; testId?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} styles={{ body: { padding: '8px 12px' } }}>
      <Statistic title={title} value={value as string} suffix={suffix} valueStyle={{ fontSize: 20, lineHeight: '28px' }} data-testid={testId} />
      {foot ? <div style={{ fontSize: 12, lineHeight: '18px', marginTop: 2 }}>{foot}</div> : null}
    </Card>
  );
}

/** 序时 methods as the KPI tooltip names them. */
const TP = { month: '月数÷12', halfMonth: '半月计', day: '日数÷全年天数' } as const;

/** The key figures of the scope: projects, investment, completed this year and its rate against 序时进度. */
export function KpiCards({ d }: { d: DashboardDto }) {
  const { lang, label } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const categories = YEAR_CATEGORIES.filter((c) => d.byCategory[c.value])
    .map((c) => `${label(YEAR_CATEGORIES, c.value)} ${d.byCategory[c.value]}`)
    .join(' · ');
  const span = { xs: 12, sm: 8, xl: { flex: '1 1 0' } } as const;
  return (
    <Row gutter={[12, 12]} wrap data-testid="kpis">
      <Col {...span}>
        <Kpi title={L('项目数', 'Projects')} value={d.projectCount} suffix={L('个', '')} foot={<Typography.Text type="secondary" ellipsis={{ tooltip: categories }}>{categories || '—'}</Typography.Text>} testId="kpi-projects" />
      </Col>
      <Col {...span}>
        <Kpi title={L('总投资（万元）', 'Total investment (10k CNY)')} value={formatWan(d.totalInvestment)} testId="kpi-total" />
      </Col>
      <Col {...span}>
        <Kpi title={L(`${d.year}年计划投资（万元）`, `Planned ${d.year} (10k CNY)`)} value={formatWan(d.annualPlanned)} testId="kpi-planned" />
      </Col>
      <Col {...span}>
        <Kpi
          title={L(`1-${d.month}月完成投资（万元）`, `Completed Jan–${d.month} (10k CNY)`)}
          value={formatWan(d.completedYtd)}
          testId="kpi-completed"
          foot={
            <Typography.Text type="secondary" data-testid="kpi-pending" ellipsis>
              {d.pendingYtd ? L(`已审核；另有待审核 ${formatWan(d.pendingYtd)} 未计入`, `accepted; ${formatWan(d.pendingYtd)} awaiting review`) : L('已审核', 'accepted')}
            </Typography.Text>
          }
        />
      </Col>
      <Col xs={24} sm={16} xl={{ flex: '1 1 0' }}>
        <Kpi
          title={L('年度计划完成率', 'Completion of the annual plan')}
          value={d.display.completionRate ?? '—'}
          suffix={d.display.completionRate == null ? '' : '%'}
          testId="kpi-rate"
          foot={
            <span data-testid="kpi-deviation" title={d.deviation == null ? undefined : L(`完成率 ${d.completionRate}%，序时进度 ${d.timeProgress}%，偏离 ${d.deviation} 个百分点（${TP[d.timeProgressMethod]}）`, `rate ${d.completionRate}%, time ${d.timeProgress}%, ${d.deviation} points`)}>
              <Typography.Text type="secondary">{L(`序时进度 ${d.display.timeProgress}%，`, `time ${d.display.timeProgress}%, `)}</Typography.Text>
              {d.deviation == null || d.display.deviation == null ? null : (
                <Typography.Text type={d.deviation >= 0 ? 'success' : 'danger'}>
                  {d.deviation >= 0 ? L(`超 ${d.display.deviation.replace('+', '')} 个百分点`, `${d.display.deviation} points ahead`) : L(`滞后 ${d.display.deviation.replace('-', '')} 个百分点`, `${d.display.deviation.replace('-', '')} points behind`)}
                </Typography.Text>
              )}
            </span>
          }
        />
      </Col>
    </Row>
  );
}
