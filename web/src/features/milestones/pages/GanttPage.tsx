import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, DatePicker, Empty, Select, Space, Spin, Tag, TreeSelect } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Milestone } from '@tiaodu/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { useLeaders, useRegionTree } from '../../org/hooks/useLookups';
import { milestoneKeys, milestonesApi } from '../api/milestones';
import { GanttChart, GANTT_COLORS } from '../components/GanttChart';
import { EditMilestoneModal } from '../components/ProjectMilestones';
import { ProjectSelect } from '../../projects/components/ProjectSelect';

/** 挂图作战: the wall chart of the milestones of one project, or of all projects of a region or a leader. */
export function GanttPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const projectId = num('projectId');
  const leaderId = num('leaderId');
  const regionCode = params.get('regionCode') ?? undefined;
  const setParam = (k: string, v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
    setParams(next, { replace: true });
  };
  const setRegion = (v: string | undefined) => setParam('regionCode', v);
  const setLeader = (v: number | undefined) => setParam('leaderId', v);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(3, 'month').startOf('month'), dayjs().add(9, 'month').endOf('month')]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useMemo(() => ({ projectId, regionCode, leaderId, from, to }), [projectId, regionCode, leaderId, from, to]);
  const gantt = useQuery({ queryKey: milestoneKeys.gantt(q), queryFn: () => milestonesApi.gantt(q) });
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Milestone | null>(null);
  const regions = useRegionTree();
  const leaders = useLeaders();
  const counts = useMemo(() => {
    const all = gantt.data?.projects.flatMap((p) => p.milestones) ?? [];
    return { total: all.length, done: all.filter((m) => m.doneDate).length, overdue: all.filter((m) => m.overdue).length };
  }, [gantt.data]);
  return (
    <div data-testid="gantt-page">
      <PageHeader title={t('nav.gantt')} sub={t('gantt.sub')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <ProjectSelect style={{ width: 240 }} placeholder={t('gantt.project')} value={projectId} onChange={(v) => setParam('projectId', v)} testId="gantt-pick-project" />
          <TreeSelect
            style={{ width: 200 }}
            allowClear
            placeholder={t('gantt.region')}
            treeData={regions.tree}
            value={regionCode}
            onChange={(v) => setRegion(v ?? undefined)}
            treeDefaultExpandAll
            data-testid="gantt-region"
          />
          <Select
            style={{ width: 180 }}
            allowClear
            placeholder={t('gantt.leader')}
            value={leaderId}
            onChange={(v) => setLeader(v ?? undefined)}
            options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))}
            data-testid="gantt-leader"
          />
          <DatePicker.RangePicker picker="month" value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0].startOf('month'), v[1].endOf('month')])} />
          <span>
            <Tag color={GANTT_COLORS.done}>{t('ms.done')}</Tag>
            <Tag color={GANTT_COLORS.open}>{t('ms.open')}</Tag>
            <Tag color={GANTT_COLORS.overdue}>{t('gantt.overdueLegend')}</Tag>
            <Tag color={GANTT_COLORS.today}>{t('gantt.today')}</Tag>
          </span>
          <span data-testid="gantt-counts">{t('gantt.counts', { total: counts.total, done: counts.done, overdue: counts.overdue })}</span>
        </Space>
      </Card>
      {gantt.isPending ? <Spin /> : gantt.data && gantt.data.projects.length ? <GanttChart data={gantt.data} from={from} to={to} onEdit={setEditing} /> : <Empty description={t('gantt.empty')} />}
      {editing ? <EditMilestoneModal m={editing} onClose={() => setEditing(null)} onDone={() => qc.invalidateQueries({ queryKey: milestoneKeys.all })} /> : null}
    </div>
  );
}
