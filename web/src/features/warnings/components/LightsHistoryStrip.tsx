import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { LIGHT_DIMENSION_LABELS } from '@tiaodu/contracts';
import { warningsApi } from '../api';
import { LightDot } from './LightDot';
import { worstOf } from '../worst';

/** A small strip of the project's monthly worst light (latest 12 months); hover for details. */
export function LightsHistoryStrip({ projectId }: { projectId: number }) {
  const q = useQuery({ queryKey: ['lights', projectId], queryFn: () => warningsApi.history(projectId) });
  const months = (q.data?.months ?? []).slice(-12);
  if (!months.length) return null;
  return (
    <Space size={6} wrap data-testid="lights-history">
      <Typography.Text type="secondary">预警历史</Typography.Text>
      {months.map((m) => (
        <Space key={`${m.year}-${m.month}`} size={2} direction="vertical" align="center">
          <LightDot
            light={worstOf(m.lights.map((l) => l.light))}
            detail={m.lights.filter((l) => l.light !== 'green').map((l) => `${LIGHT_DIMENSION_LABELS[l.dimension]}：${l.detail ?? ''}`).join('；') || `${m.year}年${m.month}月 全部绿灯`}
          />
          <Typography.Text style={{ fontSize: 11 }}>{m.month}月</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
