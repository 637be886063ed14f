import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, InputNumber, List, Modal, Popconfirm, Row, Skeleton, Space, Table, Tag, Timeline, Tree, Typography, Upload } from 'antd';
import { EditOutlined, FileTextOutlined, NotificationOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { TaskDetail, TaskListItem, TaskReport, TaskUrge } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, formatDateTime } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { taskKeys, tasksApi } from '../api/tasks';
import { LightMark, ReportStatusTag } from '../components/Marks';
import { TaskForm } from '../components/TaskForm';
import { UrgeList } from '../components/UrgeList';
import { nodeState, pct } from '../components/taskView';
import { useTask } from '../hooks/useTasks';

const NODE_COLOR = { done: 'green', overdue: 'red', soon: 'orange', pending: 'gray' } as const;

/** A task's page: its light, targets, nodes, sub-tasks, projects, reports with review, 督办 and the responsibility letter. */
export function TaskPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const { t, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const task = useTask(id);
  const [editing, setEditing] = useState(false);
  const [urging, setUrging] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: taskKeys.all });
  const onError = (e: unknown) => message.error(errorText(e, lang));
  const patch = useMutation({ mutationFn: (done: boolean) => tasksApi.update(id, { done }), onSuccess: refresh, onError });
  const remove = useMutation({ mutationFn: () => tasksApi.remove(id), onSuccess: () => (refresh(), navigate('/tasks')), onError });
  const nodeDone = useMutation({ mutationFn: (nodeId: number) => tasksApi.patchNode(nodeId, { done: true }), onSuccess: refresh, onError });
  const letter = useMutation({ mutationFn: (f: File) => tasksApi.letter(id, [f]), onSuccess: refresh, onError });

  if (task.isLoading) return <Skeleton active />;
  if (task.isError || !task.data) return <Alert type="error" message={errorText(task.error, lang)} />;
  const d = task.data;
  const today = dayjs().format('YYYY-MM-DD');
  const letters = d.files.filter((f) => f.kind === 'letter');
  const otherFiles = d.files.filter((f) => f.kind !== 'letter');

  return (
    <div data-testid="task-page">
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="task-page-title">{d.title}</span>
            <LightMark light={d.light} reason={d.lightReason} done={d.done} />
          </Space>
        }
        sub={
          <Space wrap split="·">
            <span>{d.type}</span>
            <span>{d.year}</span>
            <span>
              {t('task.col.leader')}：{d.leadLeaderName ?? '—'}
            </span>
            <span>
              {t('task.col.unit')}：{d.leadUnitName}
            </span>
            <span>
              {t('task.col.deadline')}：{formatDate(d.deadline, lang)}
            </span>
          </Space>
        }
        extra={
          <Space wrap>
            {d.canReport ? (
              <Link to={`/tasks/${d.id}/report`}>
                <Button type="primary" icon={<FileTextOutlined />} data-testid="task-report">
                  {t('task.d.report')}
                </Button>
              </Link>
            ) : null}
            {can('task:urge') ? (
              <Button danger icon={<NotificationOutlined />} onClick={() => setUrging(true)} data-testid="task-urge">
                {t('task.d.urge')}
              </Button>
            ) : null}
            {can('task:manage') ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="task-edit">
                  {t('task.edit')}
                </Button>
                <Button onClick={() => patch.mutate(!d.done)} loading={patch.isPending} data-testid="task-done">
                  {d.done ? t('task.d.reopen') : t('task.d.finish')}
                </Button>
                <Popconfirm title={t('task.deleteConfirm')} onConfirm={() => remove.mutate()}>
                  <Button danger>{t('task.delete')}</Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        }
      />
      {d.light && d.lightReason && !d.done ? <Alert type={d.light === 'red' ? 'error' : d.light === 'yellow' ? 'warning' : 'success'} showIcon message={d.lightReason} style={{ marginBottom: 12 }} data-testid="task-light-reason" /> : null}
      {d.units.some((u) => u.role === 'co') || d.followerName || d.benchmark || d.description ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
          {d.units.some((u) => u.role === 'co') ? <Descriptions.Item label={t('task.f.coUnits')}>{d.coUnitNames.join('、')}</Descriptions.Item> : null}
          {d.followerName ? <Descriptions.Item label={t('task.f.follower')}>{d.followerName}</Descriptions.Item> : null}
          {d.benchmark ? <Descriptions.Item label={t('task.f.benchmark')}>{d.benchmark}</Descriptions.Item> : null}
          {d.description ? <Descriptions.Item label={t('task.f.description')}>{d.description}</Descriptions.Item> : null}
          {d.publicCommitment ? <Descriptions.Item label={t('task.f.public')}>✓</Descriptions.Item> : null}
        </Descriptions>
      ) : null}

      <Card size="small" title={t('task.d.targets')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={d.targets}
          data-testid="task-targets"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          columns={[
            { title: t('task.f.targetName'), dataIndex: 'name', render: (v: string, r) => (r.main ? <Typography.Text strong>{v}</Typography.Text> : v) },
            {
              title: t('task.f.value'),
              key: 'value',
              render: (_: unknown, r) => (r.kind === 'quantity' ? `${r.value ?? '—'}${r.unit}` : `${t('task.f.kind.deliverable')} ${formatDate(r.dueDate, lang)}`),
            },
            { title: t('task.d.reached'), key: 'reached', render: (_: unknown, r) => (r.kind === 'quantity' ? (r.reached == null ? '—' : `${r.reached}${r.unit}`) : r.doneDate ? formatDate(r.doneDate, lang) : '—') },
            { title: t('task.d.completion'), dataIndex: 'progress', render: (v: number | null) => pct(v) },
            { title: t('task.d.time'), dataIndex: 'timeProgress', render: (v: number | null) => pct(v) },
            { title: t('task.d.deviation'), dataIndex: 'deviation', render: (v: number | null) => (v == null ? '—' : <Typography.Text type={v < 0 ? 'danger' : undefined}>{pct(v)}</Typography.Text>) },
            { title: t('task.col.light'), key: 'light', render: (_: unknown, r) => <LightMark light={r.light} reason={r.detail} /> },
          ]}
        />
        {d.projects.length ? <Typography.Text type="secondary">{t('task.d.rollup', { n: d.projectRollup.total, s: d.projectRollup.started, c: d.projectRollup.completed })}</Typography.Text> : null}
      </Card>

      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('task.d.nodes')} style={{ marginBottom: 12 }} data-testid="task-nodes">
            {d.nodes.length ? (
              <Timeline
                items={d.nodes.map((n) => {
                  const s = nodeState(n, today);
                  return {
                    color: NODE_COLOR[s],
                    children: (
                      <Flex justify="space-between" gap={8} wrap data-testid={`node-${n.id}`} data-state={s}>
                        <div>
                          <Typography.Text strong>{n.name}</Typography.Text>{' '}
                          <Typography.Text type="secondary">
                            {formatDate(n.dueDate, lang)}
                            {n.unitName ? ` · ${n.unitName}` : ''}
                            {n.personName ? ` · ${n.personName}` : ''}
                          </Typography.Text>
                          <div>
                            {s === 'done' ? (
                              <Tag color="green">{t('task.d.node.done', { d: formatDate(n.doneDate, lang) })}</Tag>
                            ) : s === 'overdue' ? (
                              <Tag color="red">{t('task.d.node.overdue', { n: n.overdueDays })}</Tag>
                            ) : s === 'soon' ? (
                              <Tag color="orange">{t('task.d.node.soon')}</Tag>
                            ) : (
                              <Tag>{t('task.d.node.pending')}</Tag>
                            )}
                          </div>
                        </div>
                        {s !== 'done' && can('task:manage') ? (
                          <Button size="small" onClick={() => nodeDone.mutate(n.id)} loading={nodeDone.isPending && nodeDone.variables === n.id}>
                            {t('task.d.node.markDone')}
                          </Button>
                        ) : null}
                      </Flex>
                    ),
                  };
                })}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('task.d.subTasks')} style={{ marginBottom: 12 }}>
            {d.subTasks.length ? <SubTaskTree items={d.subTasks} rootId={d.id} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
          <Card size="small" title={t('task.d.projects')} style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={d.projects}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(p) => (
                <List.Item>
                  <Link to={`/projects/${p.id}`}>{p.name}</Link>
                  <Typography.Text type="secondary">
                    {p.stage} · {p.completed}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('task.d.letter')} style={{ marginBottom: 12 }}>
            <List
              size="small"
              dataSource={[...letters, ...otherFiles]}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(f) => (
                <List.Item>
                  <a href={tasksApi.fileUrl(d.id, f.id)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {f.name}
                  </a>
                  <Typography.Text type="secondary">{formatDateTime(f.uploadedAt)}</Typography.Text>
                </List.Item>
              )}
            />
            {can('task:manage') ? (
              <Upload accept=".pdf,.jpg,.jpeg,.png,.docx" showUploadList={false} beforeUpload={(f) => (letter.mutate(f), false)}>
                <Button icon={<UploadOutlined />} loading={letter.isPending} style={{ marginTop: 8 }} data-testid="task-letter">
                  {t('task.d.uploadLetter')}
                </Button>
              </Upload>
            ) : null}
          </Card>
        </Col>
      </Row>

      <Reports task={d} onChanged={refresh} />
      <Urges task={d} onChanged={refresh} />

      <TaskForm open={editing} task={d} onClose={() => setEditing(false)} />
      <UrgeModal open={urging} taskId={d.id} onClose={() => setUrging(false)} onDone={refresh} />
    </div>
  );
}

interface TreeNode {
  key: number;
  title: React.ReactNode;
  children: TreeNode[];
}

function SubTaskTree({ items, rootId }: { items: TaskListItem[]; rootId: number }) {
  const build = (parent: number): TreeNode[] =>
    items
      .filter((i) => i.parentId === parent)
      .map((i) => ({
        key: i.id,
        title: (
          <Space>
            <Link to={`/tasks/${i.id}`}>{i.title}</Link>
            <Typography.Text type="secondary">{i.personName ?? i.leadUnitName}</Typography.Text>
            <LightMark light={i.light} reason={i.lightReason} done={i.done} />
          </Space>
        ),
        children: build(i.id),
      }));
  const roots = build(rootId);
  const all = roots.length ? roots : items.map((i) => ({ key: i.id, title: <Link to={`/tasks/${i.id}`}>{i.title}</Link>, children: [] }));
  return <Tree treeData={all} defaultExpandAll selectable={false} data-testid="task-subtasks" />;
}

function Reports({ task, onChanged }: { task: TaskDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message, modal } = App.useApp();
  const review = useMutation({
    mutationFn: (v: { id: number; action: 'accept' | 'return'; reason?: string }) => tasksApi.review(v.id, v.action, v.reason),
    onSuccess: onChanged,
    onError: (e) => message.error(errorText(e, lang)),
  });
  const returnReport = (r: TaskReport) => {
    let reason = '';
    modal.confirm({
      title: t('task.d.returnReason'),
      content: <Input.TextArea rows={3} maxLength={500} onChange={(e) => (reason = e.target.value)} data-testid="return-reason" />,
      onOk: () => (reason.trim() ? review.mutateAsync({ id: r.id, action: 'return', reason: reason.trim() }) : Promise.reject(new Error(t('task.d.returnReason')))),
    });
  };
  const targetName = (id: number) => task.targets.find((x) => x.id === id)?.name ?? String(id);
  return (
    <Card size="small" title={t('task.d.reports')} style={{ marginBottom: 12 }}>
      <List
        dataSource={task.reports}
        data-testid="task-reports"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(r) => (
          <List.Item
            data-testid={`report-${r.id}`}
            actions={
              r.status === 'submitted' && can('task:review')
                ? [
                    <Button key="a" type="primary" size="small" onClick={() => review.mutate({ id: r.id, action: 'accept' })} loading={review.isPending} data-testid={`report-accept-${r.id}`}>
                      {t('task.d.accept')}
                    </Button>,
                    <Button key="r" danger size="small" onClick={() => returnReport(r)} data-testid={`report-return-${r.id}`}>
                      {t('task.d.return')}
                    </Button>,
                  ]
                : []
            }
          >
            <div style={{ minWidth: 0 }}>
              <Space wrap>
                <Typography.Text strong>{r.periodLabel}</Typography.Text>
                <ReportStatusTag status={r.status} />
                <Typography.Text type="secondary">
                  {r.submittedByName ?? ''} {formatDateTime(r.submittedAt)}
                </Typography.Text>
              </Space>
              {r.figures.length ? <div>{r.figures.map((f) => `${targetName(f.targetId)}：${f.value}${f.unit}`).join('；')}</div> : null}
              {r.text ? <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Paragraph> : null}
              {r.returnReason ? <Typography.Text type="danger">{r.returnReason}</Typography.Text> : null}
              {r.files.length ? (
                <Space wrap>
                  {r.files.map((f) => (
                    <a key={f.id} href={tasksApi.fileUrl(task.id, f.id)} target="_blank" rel="noreferrer">
                      {f.mime.startsWith('image/') ? <img src={tasksApi.fileUrl(task.id, f.id)} alt={f.name} style={{ height: 56, borderRadius: 4 }} /> : <><PaperClipOutlined /> {f.name}</>}
                    </a>
                  ))}
                </Space>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Urges({ task, onChanged }: { task: TaskDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message, modal } = App.useApp();
  const answer = useMutation({ mutationFn: (v: { id: number; text: string }) => tasksApi.answer(v.id, v.text), onSuccess: onChanged, onError: (e) => message.error(errorText(e, lang)) });
  const answerUrge = (u: TaskUrge) => {
    let text = '';
    modal.confirm({
      title: t('task.d.answer'),
      content: <Input.TextArea rows={3} maxLength={2000} onChange={(e) => (text = e.target.value)} />,
      onOk: () => (text.trim() ? answer.mutateAsync({ id: u.id, text: text.trim() }) : Promise.reject(new Error(t('task.d.answer')))),
    });
  };
  return (
    <Card size="small" title={t('task.d.urges')} style={{ marginBottom: 12 }}>
      <UrgeList urges={task.urges} onAnswer={can('task:report') ? answerUrge : undefined} />
    </Card>
  );
}

function UrgeModal({ open, taskId, onClose, onDone }: { open: boolean; taskId: number; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; limitDays: number }>();
  const urge = useMutation({
    mutationFn: (v: { reason: string; limitDays: number }) => tasksApi.urge(taskId, v),
    onSuccess: () => {
      message.success(t('task.d.urgeSent'));
      form.resetFields();
      onDone();
      onClose();
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Modal open={open} title={t('task.d.urge')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={urge.isPending}>
      <Form form={form} layout="vertical" initialValues={{ limitDays: 5 }} onFinish={(v) => urge.mutate(v)}>
        <Form.Item name="reason" label={t('task.d.urgeReason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="urge-reason" />
        </Form.Item>
        <Form.Item name="limitDays" label={t('task.d.urgeDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
