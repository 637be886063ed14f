import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, InputNumber, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { LIGHT_DIMENSIONS, LIGHT_DIMENSION_LABELS, PROJECT_STAGES, type DashboardDto } from '@tiaodu/contracts';
import { warningsApi } from '../../warnings/api';
import { LightDot, LIGHT_COLORS } from '../../warnings/components/LightDot';

const wan = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** 领导驾驶舱: KPI cards, cumulative plan vs actual, stage funnel, regions, lights, my projects. */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const query = { year: params.get('year') ?? undefined, month: params.get('month') ?? undefined, regionCode: params.get('regionCode') ?? undefined };
  const q = useQuery({ queryKey: ['dashboard', query], queryFn: () => warningsApi.dashboard(query) });
  const d = q.data;
  const set = (k: string, v: number | null) => {
    const next = new URLSearchParams(params);
    if (v == null) next.delete(k);
    else next.set(k, String(v));
    setParams(next, { replace: true });
  };
  if (!d) return <Card loading={q.isLoading}>{q.isError && <Empty description="加载失败" />}</Card>;
  const maxStage = Math.max(1, ...Object.values(d.byStage));
  const maxPlan = Math.max(1, ...d.series.map((s) => s.planned));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          领导驾驶舱
        </Typography.Title>
        <InputNumber aria-label="年份" value={d.year} min={2000} max={2100} onChange={(v) => set('year', v)} addonAfter="年" style={{ width: 120 }} />
        <InputNumber aria-label="月份" value={d.month} min={1} max={12} onChange={(v) => set('month', v)} addonAfter="月" style={{ width: 100 }} />
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}><Card size="small"><Statistic title="项目数" value={d.projectCount} suffix="个" /></Card></Col>
        <Col xs={12} md={8} xl={5}><Card size="small"><Statistic title="总投资（万元）" value={wan(d.totalInvestment)} /></Card></Col>
        <Col xs={12} md={8} xl={5}><Card size="small"><Statistic title="年度计划投资（万元）" value={wan(d.annualPlanned)} /></Card></Col>
        <Col xs={12} md={8} xl={5}><Card size="small"><Statistic title={`1-${d.month}月完成投资（万元）`} value={wan(d.completedYtd)} data-testid="kpi-completed" /></Card></Col>
        <Col xs={24} md={16} xl={5}>
          <Card size="small">
            <Statistic title={`完成率（序时进度 ${d.timeProgress}%）`} value={d.completionRate ?? '—'} suffix={d.completionRate == null ? '' : '%'} />
            {d.deviation != null && (
              <Typography.Text type={d.deviation >= 0 ? 'success' : 'danger'}>{d.deviation >= 0 ? `超序时 ${d.deviation} 个百分点` : `滞后序时 ${-d.deviation} 个百分点`}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="累计计划与完成（万元）">
            {d.series.map((s) => (
              <div key={s.month} style={{ display: 'flex', alignItems: 'center', gap: 8, fontSize: 12 }}>
                <span style={{ width: 32 }}>{s.month}月</span>
                <div style={{ flex: 1 }}>
                  <div style={{ height: 6, width: `${(s.planned / maxPlan) * 100}%`, background: '#bfbfbf' }} title={`计划 ${wan(s.planned)}`} />
                  {s.actual != null && <div style={{ height: 6, width: `${Math.min(100, (s.actual / maxPlan) * 100)}%`, background: '#1677ff', marginTop: 1 }} title={`完成 ${wan(s.actual)}`} />}
                </div>
                <span style={{ width: 150, textAlign: 'right' }}>{wan(s.actual)} / {wan(s.planned)}</span>
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="项目阶段">
            {PROJECT_STAGES.filter((s) => d.byStage[s.value]).map((s) => (
              <div key={s.value} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <span style={{ width: 64 }}>{s.zh}</span>
                <Progress percent={(d.byStage[s.value]! / maxStage) * 100} format={() => d.byStage[s.value]} style={{ flex: 1, margin: 0 }} />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="区域对比">
            <Table<DashboardDto['regions'][number]>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={d.regions}
              columns={[
                { title: '区域', dataIndex: 'name' },
                { title: '计划（万元）', dataIndex: 'planned', align: 'right', render: wan },
                { title: '完成（万元）', dataIndex: 'completed', align: 'right', render: wan },
                { title: '完成率', dataIndex: 'rate', width: 160, render: (v: number | null) => (v == null ? '—' : <Progress percent={Math.min(100, v)} format={() => `${v}%`} size="small" />) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`预警（${d.month}月）`}>
            {LIGHT_DIMENSIONS.map((dim) => {
              const c = d.lights[dim];
              const total = Math.max(1, c.green + c.yellow + c.red);
              return (
                <div key={dim} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 4 }}>
                  <Link to={`/warnings?year=${d.year}&month=${d.month}&dimension=${dim}`} style={{ width: 72 }}>{LIGHT_DIMENSION_LABELS[dim]}</Link>
                  <div style={{ flex: 1, display: 'flex', height: 12 }}>
                    {(['green', 'yellow', 'red'] as const).map((l) => <div key={l} style={{ width: `${(c[l] / total) * 100}%`, background: LIGHT_COLORS[l] }} title={`${c[l]}`} />)}
                  </div>
                  <span style={{ width: 110, fontSize: 12 }}>绿{c.green} 黄{c.yellow} 红{c.red}</span>
                </div>
              );
            })}
          </Card>
        </Col>
      </Row>
      {d.myProjects && (
        <Card size="small" title="我的项目">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.myProjects}
            columns={[
              { title: '', dataIndex: 'light', width: 40, render: (l) => <LightDot light={l} /> },
              { title: '项目', dataIndex: 'name', render: (v, r) => <Link to={`/projects/${r.id}`}>{v}</Link> },
              { title: '年度计划（万元）', dataIndex: 'planned', align: 'right', render: wan },
              { title: '完成（万元）', dataIndex: 'completed', align: 'right', render: wan },
              { title: '完成率', dataIndex: 'rate', render: (v) => (v == null ? '—' : `${v}%`) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
