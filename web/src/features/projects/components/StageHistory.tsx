import { Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../components/format';
import { StageTag, STAGE_COLORS } from '../../../components/StageTag';
import { useStageHistory } from '../hooks/useProjects';

const TIMELINE_COLORS: Record<string, string> = { default: 'gray', gold: '#d48806', lime: '#7cb305', cyan: '#08979c', geekblue: '#1d39c4', purple: '#531dab', orange: '#d46b08' };

/** The stage changes of a project, oldest first: date, from → to, reason, who. */
export function StageHistory({ projectId }: { projectId: number }) {
  const { t, lang } = useI18n();
  const { data, isPending } = useStageHistory(projectId);
  if (isPending) return <Skeleton active />;
  const events = [...(data ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  return (
    <div data-testid="stage-history">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHistory')} />
      ) : (
        <Timeline
          items={events.map((e) => {
            const c = STAGE_COLORS[e.toStage];
            return {
              key: e.id,
              color: TIMELINE_COLORS[c] ?? c,
              content: (
                <div data-testid="stage-event">
                  <Typography.Text strong>{formatDate(e.date, lang)}</Typography.Text>
                  <Flex align="center" gap={6} wrap>
                    {e.fromStage ? <StageTag stage={e.fromStage} /> : <Typography.Text type="secondary">{t('detail.initial')}</Typography.Text>}
                    <ArrowRightOutlined style={{ fontSize: 12, color: '#999' }} />
                    <StageTag stage={e.toStage} />
                  </Flex>
                  {e.reason ? <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>{e.reason}</div> : null}
                  {e.userName ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('detail.by', { name: e.userName })}
                    </Typography.Text>
                  ) : null}
                </div>
              ),
            };
          })}
        />
      )}
    </div>
  );
}
