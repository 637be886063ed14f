import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Result, Row, Skeleton, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, LeftOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROBLEM_CATEGORIES, PROBLEM_RATINGS, PROBLEM_SOURCES, type ProblemDetail } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { formatDate, formatDateTime } from '../../../components/format';
import { useCurrentUser } from '../../auth/hooks/useAuth';
import { problemKeys, problemsApi } from '../api/problems';
import { DueText, LevelTag, ProblemStatusTag } from '../components/ProblemTags';
import { ProblemTimeline } from '../components/ProblemTimeline';
import { ProblemDialogs } from '../components/ProblemDialogs';

/** One problem: its facts, the answer, attachments, the buttons the user may press, and the timeline. */
export function ProblemDetailPage() {
  const { id } = useParams();
  const pid = Number(id);
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: problemKeys.one(pid), queryFn: () => problemsApi.get(pid), enabled: pid > 0 });
  const ladder = useQuery({ queryKey: problemKeys.ladder, queryFn: problemsApi.ladder });
  if (!(pid > 0)) return <Result status="404" title="404" subTitle={t('app.notFound')} extra={<Link to="/problems">{t('problems.detail.back')}</Link>} />;
  if (q.error) return <Result status="404" title="404" subTitle={errorText(q.error, lang)} extra={<Link to="/problems">{t('problems.detail.back')}</Link>} />;
  if (!q.data) return <Skeleton active />;
  return <Detail p={q.data} ladder={ladder.data} />;
}

function Detail({ p, ladder }: { p: ProblemDetail; ladder: Parameters<typeof ProblemTimeline>[0]['ladder'] }) {
  const { t, lang, label } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<'assign' | 'answer' | 'rate' | null>(null);
  const refresh = (next?: ProblemDetail) => {
    if (next) qc.setQueryData(problemKeys.one(p.id), next);
    void qc.invalidateQueries({ queryKey: problemKeys.all });
  };
  const accept = useMutation({
    mutationFn: () => problemsApi.accept(p.id, { version: p.version }),
    onSuccess: (next) => {
      message.success(t('problems.accepted'));
      refresh(next);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const upload = useMutation({
    mutationFn: (files: File[]) => problemsApi.upload(p.id, files),
    onSuccess: () => {
      message.success(t('problems.uploaded'));
      refresh();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const remove = useMutation({
    mutationFn: (aid: number) => problemsApi.deleteAttachment(aid),
    onSuccess: () => refresh(),
    onError: (e) => message.error(errorText(e, lang)),
  });
  const a = p.abilities;
  const items = [
    { key: 'project', label: t('problems.col.project'), children: <Link to={`/projects/${p.projectId}`}>{p.projectName}</Link> },
    { key: 'category', label: t('problems.col.category'), children: label(PROBLEM_CATEGORIES, p.category) },
    {
      key: 'source',
      label: t('problems.detail.source'),
      children: `${label(PROBLEM_SOURCES, p.source)}${p.reportMonth ? ` · ${t('problems.detail.report', { ym: p.reportMonth })}` : ''}`,
    },
    { key: 'raised', label: t('problems.col.raisedBy'), children: `${p.raisedByName} · ${formatDateTime(p.raisedAt)}` },
    { key: 'level', label: t('problems.col.level'), children: <LevelTag level={p.level} name={p.levelName} testId="problem-level" /> },
    {
      key: 'resp',
      label: t('problems.col.responsible'),
      children: p.responsibleDeptName ? `${p.responsibleDeptName}${p.responsibleUserName ? `（${p.responsibleUserName}）` : ''}` : t('problems.notAssigned'),
    },
    { key: 'limit', label: t('problems.detail.limit'), children: p.limitDays ? t('problems.detail.limitDays', { n: p.limitDays }) : '—' },
    { key: 'due', label: t('problems.col.due'), children: <span data-testid="problem-due"><DueText p={p} /></span> },
    ...(p.holders.length ? [{ key: 'holders', label: t('problems.detail.holders'), children: <span data-testid="problem-holders">{p.holders.map((h) => h.name).join('、')}</span> }] : []),
  ];
  return (
    <div>
      <Link to="/problems" style={{ display: 'inline-block', marginBottom: 8 }}>
        <LeftOutlined /> {t('problems.detail.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="problem-title">
            {p.title}
          </Typography.Title>
          <ProblemStatusTag status={p.status} testId="problem-status" />
        </Space>
        <Flex gap={8} wrap>
          {a.assign ? (
            <Button type={p.responsibleDeptId ? 'default' : 'primary'} onClick={() => setDialog('assign')} data-testid="btn-assign">
              {p.responsibleDeptId ? t('problems.action.reassign') : t('problems.action.assign')}
            </Button>
          ) : null}
          {a.accept ? (
            <Button onClick={() => accept.mutate()} loading={accept.isPending} data-testid="btn-accept">
              {t('problems.action.accept')}
            </Button>
          ) : null}
          {a.answer ? (
            <Button type="primary" onClick={() => setDialog('answer')} data-testid="btn-answer">
              {t('problems.action.answer')}
            </Button>
          ) : null}
          {a.rate ? (
            <Button type="primary" onClick={() => setDialog('rate')} data-testid="btn-rate">
              {t('problems.action.rate')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
          </Card>
          <Card size="small" title={t('problems.detail.description')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="problem-description">
              {p.description}
            </Typography.Paragraph>
          </Card>
          {p.answer || p.rating ? (
            <Card size="small" title={t('problems.detail.answer')} style={{ marginBottom: 16 }} data-testid="problem-answer">
              {p.answer ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {p.answer}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {p.answeredByName} · {formatDateTime(p.answeredAt)}
                  </Typography.Text>
                </Typography.Paragraph>
              ) : null}
              {p.deferralCondition ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={`${t('problems.detail.condition')}：${p.deferralCondition}`}
                  description={p.deferralDate ? `${t('problems.detail.expected')}：${formatDate(p.deferralDate, lang)}` : undefined}
                />
              ) : null}
              {p.rating ? (
                <Typography.Text data-testid="problem-rating">
                  {t('problems.detail.rating')}：{label(PROBLEM_RATINGS, p.rating)}
                  {p.ratingNote ? `（${p.ratingNote}）` : ''}
                </Typography.Text>
              ) : null}
            </Card>
          ) : null}
          <Card
            size="small"
            title={t('problems.detail.attachments')}
            extra={
              a.attach ? (
                <Upload
                  multiple
                  showUploadList={false}
                  accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx"
                  beforeUpload={(file, all) => {
                    if (file === all[all.length - 1]) upload.mutate(all as File[]);
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="btn-upload">
                    {t('problems.upload')}
                  </Button>
                </Upload>
              ) : null
            }
          >
            {p.attachments.length === 0 ? (
              <Typography.Text type="secondary">{t('problems.noAttachments')}</Typography.Text>
            ) : (
              <Flex vertical gap={4}>
                {p.attachments.map((f) => (
                  <Flex key={f.id} gap={8} align="center" wrap>
                    <PaperClipOutlined />
                    <a href={`/api/problem-attachments/${f.id}`} target="_blank" rel="noreferrer">
                      {f.originalName ?? f.id}
                    </a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.uploadedByName} · {formatDateTime(f.createdAt)}
                    </Typography.Text>
                    {a.attach && f.uploadedByName === me.displayName ? (
                      <Popconfirm title={t('common.deleteConfirm', { name: f.originalName ?? '' })} onConfirm={() => remove.mutate(f.id)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    ) : null}
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('problems.detail.timeline')}>
            <ProblemTimeline events={p.events} ladder={ladder} />
          </Card>
        </Col>
      </Row>
      <ProblemDialogs problem={p} open={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
