import { Timeline, Typography } from 'antd';
import { PROBLEM_EVENT_KINDS, type Ladder, type ProblemEvent } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../components/format';

const COLORS: Record<string, string> = {
  raised: 'blue',
  assigned: 'blue',
  accepted: 'blue',
  escalated: 'red',
  answered: 'green',
  deferred: 'orange',
  rated: 'gray',
  reopened: 'red',
  closed: 'green',
  attached: 'gray',
};

/** Every move of a problem, oldest first: who, when, what; escalations in red. */
export function ProblemTimeline({ events, ladder }: { events: ProblemEvent[]; ladder?: Ladder }) {
  const { t, label, lang } = useI18n();
  const levelName = (l: number | null) => (l == null ? '' : (ladder?.levels[Math.min(l, ladder.levels.length - 1)]?.name ?? String(l)));
  return (
    <Timeline
      data-testid="problem-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: COLORS[e.kind] ?? 'gray',
        content: (
          <div data-testid={`event-${e.kind}`}>
            <Typography.Text strong>{label(PROBLEM_EVENT_KINDS, e.kind)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName ?? t('problems.event.system')}
            </Typography.Text>
            {e.kind === 'escalated' && e.fromLevel != null && e.toLevel != null ? (
              <div>
                <Typography.Text type="danger">{t('problems.event.levelMove', { from: levelName(e.fromLevel), to: levelName(e.toLevel) })}</Typography.Text>
              </div>
            ) : null}
            {e.note ? <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div> : null}
            {e.dueDate && e.kind !== 'escalated' && e.kind !== 'reopened' && e.kind !== 'assigned' ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('problems.event.due', { due: formatDate(e.dueDate, lang) })}
              </Typography.Text>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
