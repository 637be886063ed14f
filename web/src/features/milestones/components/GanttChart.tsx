import { Fragment } from 'react';
import { Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { Gantt, Milestone } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { StageTag } from '../../../components/StageTag';
import type { ProjectStage } from '@tiaodu/contracts';

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const LABEL_W = 230;
const ROW_H = 24;

export const GANTT_COLORS = { done: '#52c41a', overdue: '#f5222d', open: '#1677ff', today: '#fa541c' };

function barColor(m: Milestone): string {
  if (m.doneDate) return GANTT_COLORS.done;
  if (m.overdue) return GANTT_COLORS.overdue;
  return GANTT_COLORS.open;
}

/** Months between from and to, as [label, left %, width %]. */
function months(from: string, to: string): { key: string; label: string; left: number; width: number }[] {
  const a = ms(from);
  const span = ms(to) - a + DAY;
  const out = [];
  let d = new Date(a);
  d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  while (d.getTime() <= ms(to)) {
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    const s = Math.max(d.getTime(), a);
    const e = Math.min(next.getTime(), ms(to) + DAY);
    const m = d.getUTCMonth() + 1;
    out.push({ key: d.toISOString().slice(0, 7), label: m === 1 || out.length === 0 ? `${d.getUTCFullYear()}.${m}` : `${m}月`, left: ((s - a) / span) * 100, width: ((e - s) / span) * 100 });
    d = next;
  }
  return out;
}

/**
 * 挂图作战: a hand-made Gantt chart. One header row per project, one row per milestone with a bar
 * from start to due date; done bars green, overdue bars red, open bars blue; today's line.
 */
export function GanttChart({ data, from, to, onEdit }: { data: Gantt; from: string; to: string; onEdit?: (m: Milestone) => void }) {
  const { t } = useI18n();
  const a = ms(from);
  const span = ms(to) - a + DAY;
  const pos = (d: string) => Math.min(100, Math.max(0, ((ms(d) - a) / span) * 100));
  const mths = months(from, to);
  const todayLeft = data.today >= from && data.today <= to ? pos(data.today) + (DAY / span) * 50 : null;
  return (
    <div style={{ overflowX: 'auto' }}>
    <div data-testid="gantt" style={{ border: '1px solid #f0f0f0', borderRadius: 6, overflow: 'hidden', fontSize: 12, minWidth: 760 }}>
      <div style={{ display: 'flex', background: '#fafafa', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 2 }}>
        <div style={{ width: LABEL_W, flex: 'none', padding: '4px 8px', fontWeight: 600 }}>{t('gantt.projectNode')}</div>
        <div style={{ position: 'relative', flex: 1, height: 26 }}>
          {mths.map((m) => (
            <div key={m.key} style={{ position: 'absolute', left: `${m.left}%`, width: `${m.width}%`, top: 0, bottom: 0, borderLeft: '1px solid #e8e8e8', padding: '4px 2px', overflow: 'hidden', whiteSpace: 'nowrap' }}>
              {m.label}
            </div>
          ))}
        </div>
      </div>
      <div style={{ position: 'relative' }}>
        {data.projects.map((p) => (
          <Fragment key={p.id}>
            <div style={{ display: 'flex', background: '#f6f8fb', borderBottom: '1px solid #f0f0f0', height: ROW_H + 2 }} data-testid="gantt-project">
              <div style={{ width: LABEL_W + 0, flex: 'none', padding: '3px 8px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', fontWeight: 600 }} title={p.name}>
                <Link to={`/projects/${p.id}`}>{p.name}</Link>
              </div>
              <div style={{ flex: 1, padding: '3px 4px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
                <StageTag stage={p.stage as ProjectStage} /> <Typography.Text type="secondary">{p.regionName}</Typography.Text>
              </div>
            </div>
            {p.milestones.map((m) => {
              const s = m.startDate ?? m.dueDate;
              const left = pos(s < from ? from : s);
              const right = pos(m.dueDate > to ? to : m.dueDate) + (DAY / span) * 100;
              const tip = (
                <div>
                  <div>
                    <b>{m.name}</b>
                  </div>
                  <div>
                    {t('ms.start')} {m.startDate ?? '—'} · {t('ms.due')} {m.dueDate}
                  </div>
                  {m.doneDate ? <div>{t('ms.doneDate')} {m.doneDate}</div> : null}
                  {m.overdue ? <div>{t('ms.overdue', { n: m.daysLate })}</div> : null}
                  {m.responsibleDeptName ? <div>{m.responsibleDeptName}</div> : null}
                </div>
              );
              return (
                <div key={m.id} style={{ display: 'flex', borderBottom: '1px solid #f5f5f5', height: ROW_H }}>
                  <div style={{ width: LABEL_W, flex: 'none', padding: '3px 8px 3px 20px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', color: m.overdue ? GANTT_COLORS.overdue : undefined }}>
                    {m.name}
                  </div>
                  <div style={{ position: 'relative', flex: 1 }}>
                    <Tooltip title={tip}>
                      <div
                        onClick={m.canEdit && m.canEdit !== 'none' && onEdit ? () => onEdit(m) : undefined}
                        data-testid={m.overdue ? 'gantt-bar-overdue' : m.doneDate ? 'gantt-bar-done' : 'gantt-bar'}
                        style={{ position: 'absolute', left: `${left}%`, width: `${Math.max(0.4, right - left)}%`, top: 5, height: ROW_H - 10, background: barColor(m), borderRadius: 3, minWidth: 3, opacity: 0.9, cursor: m.canEdit && m.canEdit !== 'none' && onEdit ? 'pointer' : undefined }}
                      />
                    </Tooltip>
                  </div>
                </div>
              );
            })}
          </Fragment>
        ))}
        {todayLeft !== null ? (
          <div style={{ position: 'absolute', top: 0, bottom: 0, left: `calc(${LABEL_W}px + (100% - ${LABEL_W}px) * ${todayLeft / 100})`, borderLeft: `2px dashed ${GANTT_COLORS.today}`, pointerEvents: 'none', zIndex: 1 }} data-testid="gantt-today" />
        ) : null}
      </div>
    </div>
    </div>
  );
}
