import { useQuery } from '@tanstack/react-query';
import { Card, Input, InputNumber, Select, Space, Statistic, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { LIGHT_DIMENSIONS, LIGHT_DIMENSION_LABELS, LIGHT_LABELS, LIGHTS, type LightDimension, type WarningRow } from '@tiaodu/contracts';
import { warningsApi } from '../api';
import { LightDot, LIGHT_COLORS } from '../components/LightDot';
import { StartDelayReason } from '../components/StartDelayReason';
import { useCan } from '../../auth/hooks/useAuth';

function defaultYm(): [number, number] {
  const d = new Date();
  return d.getMonth() === 0 ? [d.getFullYear() - 1, 12] : [d.getFullYear(), d.getMonth()];
}

/** 预警: the month's lights per project and dimension; every filter lives in the URL. */
export function WarningsPage() {
  const [params, setParams] = useSearchParams();
  const [dy, dm] = defaultYm();
  const year = Number(params.get('year') ?? dy);
  const month = Number(params.get('month') ?? dm);
  const dimension = params.get('dimension') ?? undefined;
  const light = params.get('light') ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const set = (k: string, v: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const query = { year, month, dimension, light, q, page, regionCode: params.get('regionCode') ?? undefined };
  const list = useQuery({ queryKey: ['warnings', query], queryFn: () => warningsApi.list(query) });
  const data = list.data;
  const can = useCan();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        预警
      </Typography.Title>
      <Space wrap>
        <InputNumber aria-label="年份" value={year} min={2000} max={2100} onChange={(v) => set('year', v)} addonAfter="年" style={{ width: 120 }} />
        <InputNumber aria-label="月份" value={month} min={1} max={12} onChange={(v) => set('month', v)} addonAfter="月" style={{ width: 100 }} />
        <Select
          aria-label="维度"
          allowClear
          placeholder="全部维度"
          style={{ width: 130 }}
          value={dimension}
          onChange={(v) => set('dimension', v)}
          options={LIGHT_DIMENSIONS.map((d) => ({ value: d, label: LIGHT_DIMENSION_LABELS[d] }))}
        />
        <Select aria-label="灯色" allowClear placeholder="全部灯色" style={{ width: 110 }} value={light} onChange={(v) => set('light', v)} options={LIGHTS.map((l) => ({ value: l, label: LIGHT_LABELS[l] }))} />
        <Input.Search aria-label="项目名称" placeholder="项目名称" allowClear defaultValue={q} onSearch={(v) => set('q', v)} style={{ width: 200 }} />
      </Space>
      <Space wrap size="large">
        {LIGHTS.map((l) => (
          <Card key={l} size="small" style={{ minWidth: 120, borderTop: `3px solid ${LIGHT_COLORS[l]}` }}>
            <Statistic title={`${LIGHT_LABELS[l]}项目`} value={data?.countsByLight[l] ?? 0} data-testid={`count-${l}`} />
          </Card>
        ))}
      </Space>
      <Table<WarningRow>
        rowKey="projectId"
        size="small"
        loading={list.isLoading}
        dataSource={data?.rows ?? []}
        scroll={{ x: 1200 }}
        pagination={{ current: page, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, onChange: (p) => set('page', p), showTotal: (t) => `共 ${t} 个项目` }}
        columns={[
          { title: '项目', dataIndex: 'projectName', width: 220, fixed: 'left' as const, render: (v, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link> },
          { title: '区域', dataIndex: 'regionName', width: 120 },
          { title: '综合', dataIndex: 'worst', width: 70, render: (v) => <LightDot light={v} /> },
          ...LIGHT_DIMENSIONS.map((d: LightDimension) => ({
            title: `${LIGHT_DIMENSION_LABELS[d]}${data ? `（黄${data.countsByDimension[d].yellow}/红${data.countsByDimension[d].red}）` : ''}`,
            key: d,
            width: 170,
            render: (_: unknown, r: WarningRow) => {
              const l = r.lights[d];
              return l ? (
                <>
                  <Space size={4}>
                    <LightDot light={l.light} detail={l.detail} />
                    {l.light !== 'green' && <Typography.Text style={{ fontSize: 12, maxWidth: 140 }} ellipsis={{ tooltip: l.detail }}>{l.detail}</Typography.Text>}
                  </Space>
                  {d === 'start' ? <StartDelayReason row={r} editable={can('project:update')} /> : null}
                </>
              ) : null;
            },
          })),
        ]}
      />
    </Space>
  );
}
