import { useState } from 'react';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ASSIGNMENT_EVENT_KINDS, ASSIGNMENT_KINDS, ASSIGNMENT_SOURCES, ASSIGNMENT_STATUSES, PROBLEM_RATINGS, type AssignmentDetail } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { assignmentKeys, assignmentsApi } from '../api/assignments';
import { AssignmentDialogs } from '../components/AssignmentDialogs';
import { AssignmentDue, AssignmentLevelTag, AssignmentStatusTag } from '../components/AssignmentTags';

const EVENT_COLORS: Record<string, string> = { created: 'blue', escalated: 'red', answered: 'green', rated: 'gray', reopened: 'red', closed: 'green' };

/** One item: its content, unit, limit, status, the current holder and level, 答复 / 评价 per `abilities`, and the history. */
export function AssignmentDetailPage() {
  const { id } = useParams();
  const aid = Number(id);
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: assignmentKeys.one(aid), queryFn: () => assignmentsApi.get(aid), enabled: aid > 0 });
  const back = <Link to="/assignments">{t('assign.d.back')}</Link>;
  if (!(aid > 0)) return <Result status="404" title="404" subTitle={t('app.notFound')} extra={back} />;
  if (q.error) return <Result status="404" title="404" subTitle={errorText(q.error, lang)} extra={back} />;
  if (!q.data) return <Skeleton active />;
  return <Detail a={q.data} />;
}

function Detail({ a }: { a: AssignmentDetail }) {
  const { t, lang, label } = useI18n();
  const [dialog, setDialog] = useState<'answer' | 'rate' | null>(null);
  const items = [
    { key: 'kind', label: t('assign.d.kind'), children: label(ASSIGNMENT_KINDS, a.kind) },
    {
      key: 'source',
      label: t('assign.d.source'),
      children: a.meetingName ? `${a.meetingName}${a.meetingDate ? `（${formatDate(a.meetingDate, lang)}）` : ''}` : label(ASSIGNMENT_SOURCES, a.source),
    },
    { key: 'assigner', label: t('assign.col.assigner'), children: a.assignerName ?? '—' },
    { key: 'unit', label: t('assign.col.unit'), children: <span data-testid="assign-unit">{a.assignee.name}</span> },
    ...(a.coUnits.length ? [{ key: 'co', label: t('assign.d.coUnits'), children: a.coUnits.map((u) => u.name).join('、') }] : []),
    { key: 'limit', label: t('assign.d.limit'), children: a.limitDays ? t('assign.d.limitDays', { n: a.limitDays }) : '—' },
    { key: 'due', label: t('assign.col.due'), children: <span data-testid="assign-due"><AssignmentDue a={a} /></span> },
    { key: 'level', label: t('assign.col.level'), children: <AssignmentLevelTag level={a.level} name={a.levelName} testId="assign-level" /> },
    ...(a.holders.length && a.status !== 'closed' ? [{ key: 'holders', label: t('assign.d.holders'), children: <span data-testid="assign-holders">{a.holders.map((h) => h.name).join('、')}</span> }] : []),
    { key: 'created', label: t('assign.d.created'), children: formatDateTime(a.createdAt) },
  ];
  return (
    <div data-testid="assign-page">
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Link to="/assignments">
            <LeftOutlined /> {t('assign.d.back')}
          </Link>
          <Typography.Title level={4} style={{ margin: '4px 0', overflowWrap: 'anywhere' }} data-testid="assign-title">
            {a.title}
          </Typography.Title>
          <AssignmentStatusTag status={a.status} testId="assign-status" />
        </div>
        <Space wrap>
          {a.abilities.answer ? (
            <Button type="primary" onClick={() => setDialog('answer')} data-testid="assign-btn-answer">
              {t('assign.answer.title')}
            </Button>
          ) : null}
          {a.abilities.rate ? (
            <Button type="primary" onClick={() => setDialog('rate')} data-testid="assign-btn-rate">
              {t('assign.rate.title')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
          </Card>
          <Card size="small" title={t('assign.d.content')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, overflowWrap: 'anywhere' }} data-testid="assign-content">
              {a.content}
            </Typography.Paragraph>
          </Card>
          {a.answer || a.rating ? (
            <Card size="small" title={t('assign.d.answer')} style={{ marginBottom: 16 }} data-testid="assign-answer">
              {a.answer ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {a.answer}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {a.answeredByName ?? ''} · {formatDateTime(a.answeredAt)}
                  </Typography.Text>
                </Typography.Paragraph>
              ) : null}
              {a.rating ? (
                <Typography.Text data-testid="assign-rating">
                  {t('assign.d.rating')}：{label(PROBLEM_RATINGS, a.rating)}
                  {a.ratingNote ? `（${a.ratingNote}）` : ''}
                </Typography.Text>
              ) : null}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('assign.d.timeline')}>
            <Timeline
              data-testid="assign-timeline"
              items={a.events.map((e) => ({
                key: e.id,
                color: EVENT_COLORS[e.kind] ?? 'gray',
                content: (
                  <div data-testid={`assign-event-${e.kind}`}>
                    <Typography.Text strong>{label(ASSIGNMENT_EVENT_KINDS, e.kind)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {formatDateTime(e.at)} · {e.actorName ?? t('assign.d.system')}
                    </Typography.Text>
                    {e.toStatus && e.fromStatus !== e.toStatus ? (
                      <div style={{ fontSize: 12 }}>
                        <Typography.Text type="secondary">{label(ASSIGNMENT_STATUSES, e.toStatus)}</Typography.Text>
                      </div>
                    ) : null}
                    {e.note ? <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div> : null}
                    {e.dueDate ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('assign.d.due', { due: formatDate(e.dueDate, lang) })}
                      </Typography.Text>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <AssignmentDialogs item={a} open={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
