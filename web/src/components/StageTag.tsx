import { Tag } from 'antd';
import { PROJECT_STAGES, type ProjectStage } from '@tiaodu/contracts';
import { useI18n } from '../i18n';

export const STAGE_COLORS: Record<ProjectStage, string> = {
  planning: 'default',
  reserve: 'cyan',
  preliminary: 'gold',
  started: 'lime',
  construction: 'blue',
  completed: 'green',
  production: 'geekblue',
  full_production: 'purple',
  suspended: 'orange',
  terminated: 'red',
};

export function StageTag({ stage }: { stage: ProjectStage }) {
  const { label } = useI18n();
  return (
    <Tag color={STAGE_COLORS[stage]} data-stage={stage} style={{ marginInlineEnd: 0 }}>
      {label(PROJECT_STAGES, stage)}
    </Tag>
  );
}
