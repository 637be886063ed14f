import { useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Modal, Popconfirm, Progress, Row, Select, Skeleton, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { APPROVAL_PHASES, APPROVAL_STEPS, type ProjectApprovalDetail, type ProjectApprovals, type SignalLevel } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { useNarrow } from '../../../hooks/useMedia';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { ApprovalStatusTag, SIGNAL_COLORS, SignalTag } from './ApprovalTags';
import { ApprovalDetail } from './ApprovalDetail';
import { ApprovalActions } from './ApprovalActions';

const strokeOf = (s: SignalLevel) => (s === 'none' ? undefined : SIGNAL_COLORS[s]);

/** The four phases against their limits and the whole process against its limit (120 working days by default). */
function ProcessBar({ data }: { data: ProjectApprovals }) {
  const { t, label } = useI18n();
  const p = data.process;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="approval-process">
      <Flex justify="space-between" wrap gap={8} align="center">
        <Typography.Text strong>
          {t('ap.project.process')} <SignalTag signal={p.signal} testId="process-signal" />
        </Typography.Text>
        <Typography.Text data-testid="process-used">
          {t('ap.project.processUsed', { used: p.usedDays, limit: p.limitDays })} · {p.remainingDays >= 0 ? t('ap.project.remaining', { n: p.remainingDays }) : t('ap.project.over', { n: -p.remainingDays })}
        </Typography.Text>
      </Flex>
      <Progress status="normal" percent={Math.min(100, Math.round((p.usedDays / p.limitDays) * 100))} strokeColor={strokeOf(p.signal)} showInfo={false} />
      <Row gutter={[12, 8]}>
        {data.phases.map((ph) => (
          <Col key={ph.phase} xs={24} sm={12} lg={6} data-testid={`phase-${ph.phase}`}>
            <Typography.Text style={{ fontSize: 13 }}>
              {label(APPROVAL_PHASES, ph.phase)} <SignalTag signal={ph.signal} />
            </Typography.Text>
            <Progress size="small" status="normal" percent={Math.min(100, Math.round((ph.usedDays / ph.limitDays) * 100))} strokeColor={strokeOf(ph.signal)} format={() => `${ph.usedDays}/${ph.limitDays}`} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ap.project.phaseItems', { done: ph.completed, n: ph.items })}
            </Typography.Text>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** Templates and single items for the dispatcher: what the project needs. */
function ManageBar({ projectId, onChanged }: { projectId: number; onChanged: (d: ProjectApprovals) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<'template' | 'item' | null>(null);
  const [choice, setChoice] = useState<number | null>(null);
  const templates = useQuery({ queryKey: approvalKeys.projectTemplates(projectId), queryFn: () => approvalsApi.projectTemplates(projectId), enabled: open === 'template' });
  const items = useQuery({ queryKey: approvalKeys.items, queryFn: approvalsApi.items, enabled: open === 'item' });
  const run = useMutation({
    mutationFn: () => (open === 'template' ? approvalsApi.applyTemplate(projectId, choice!) : approvalsApi.addItem(projectId, choice!)),
    onSuccess: (d) => {
      message.success(t('common.saved'));
      setOpen(null);
      setChoice(null);
      onChanged(d);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <>
      <Button icon={<ProfileOutlined />} onClick={() => setOpen('template')} data-testid="btn-apply-template">
        {t('ap.project.applyTemplate')}
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setOpen('item')} data-testid="btn-add-approval">
        {t('ap.project.addItem')}
      </Button>
      <Modal
        open={open !== null}
        title={open === 'template' ? t('ap.project.applyTemplate') : t('ap.project.addItem')}
        okButtonProps={{ disabled: !choice, 'data-testid': 'approval-manage-ok' } as ButtonProps}
        confirmLoading={run.isPending}
        onOk={() => run.mutate()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Select
          style={{ width: '100%' }}
          value={choice}
          onChange={setChoice}
          data-testid="approval-manage-select"
          showSearch={{ optionFilterProp: 'label' }}
          options={
            open === 'template'
              ? (templates.data ?? []).map((x) => ({ value: x.id, label: `${x.name}${x.fits ? `（${t('ap.project.fits')}）` : ''} · ${x.items.length}` }))
              : (items.data ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: `${i.name}（${i.departmentName ?? ''}，${t('ap.daysShort', { n: i.promisedDays })}）` }))
          }
        />
      </Modal>
    </>
  );
}

/** 手续办理 of one project: the process bar, and the items with their steps (expanded on demand). */
export function ProjectApprovalsPanel({ projectId }: { projectId: number }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useNarrow();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: approvalKeys.project(projectId), queryFn: () => approvalsApi.project(projectId) });
  const remove = useMutation({
    mutationFn: (id: number) => approvalsApi.remove(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: approvalKeys.all }),
    onError: (e) => message.error(errorText(e, lang)),
  });
  if (q.isPending) return <Skeleton active />;
  if (q.error) return <Typography.Text type="danger">{errorText(q.error, lang)}</Typography.Text>;
  const data = q.data;
  const refresh = (d?: ProjectApprovals) => {
    if (d) qc.setQueryData(approvalKeys.project(projectId), d);
    void qc.invalidateQueries({ queryKey: approvalKeys.all });
  };
  return (
    <div data-testid="project-approvals">
      <ProcessBar data={data} />
      {data.canManage ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <ManageBar projectId={projectId} onChanged={refresh} />
        </Flex>
      ) : null}
      {data.items.length === 0 ? (
        <Empty description={t('ap.project.empty')} />
      ) : narrow ? (
        <Flex vertical gap={12}>
          {data.items.map((i) => (
            <Card key={i.id} size="small" title={<Link to={`/approvals/${i.id}`}>{i.name}</Link>} extra={<SignalTag signal={i.signal} />} data-testid={`approval-card-${i.id}`}>
              <Flex gap={8} wrap align="center" style={{ marginBottom: 6 }}>
                <ApprovalStatusTag status={i.status} />
                {i.currentStep && i.status !== 'not_started' ? <span>{label(APPROVAL_STEPS, i.currentStep)}</span> : null}
                {i.usedDays !== null ? <span>{t('ap.days', { used: i.usedDays, limit: i.promisedDays })}</span> : null}
                {i.suspended ? <Tag color="orange">{t('ap.paused')}</Tag> : null}
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                {label(APPROVAL_PHASES, i.phase)} · {i.departmentName}
              </Typography.Text>
              <ApprovalActions item={i} size="small" onDone={() => refresh()} />
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<ProjectApprovalDetail>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.items}
          data-testid="project-approvals-table"
          scroll={{ x: 1330 }}
          expandable={{ expandedRowRender: (i) => <ApprovalDetail item={i} showProject={false} />, rowExpandable: () => true }}
          columns={[
            { title: t('ap.col.item'), dataIndex: 'name', width: 230, render: (v: string, r) => <span data-testid={`approval-row-${r.id}`}>{v}</span> },
            { title: t('ap.col.phase'), dataIndex: 'phase', width: 150, render: (v: string) => label(APPROVAL_PHASES, v) },
            { title: t('ap.col.department'), dataIndex: 'departmentName', width: 180 },
            { title: t('ap.col.status'), dataIndex: 'status', width: 100, render: (v: ProjectApprovalDetail['status']) => <ApprovalStatusTag status={v} /> },
            { title: t('ap.col.step'), dataIndex: 'currentStep', width: 90, render: (v: string | null) => (v ? label(APPROVAL_STEPS, v) : t('common.none')) },
            { title: t('ap.col.used'), key: 'used', width: 150, render: (_: unknown, r) => (r.usedDays === null ? t('common.none') : t('ap.days', { used: r.usedDays, limit: r.promisedDays })) },
            { title: t('ap.col.due'), dataIndex: 'dueDate', width: 110, render: (v: string | null, r) => (r.suspended ? <Tag color="orange">{t('ap.paused')}</Tag> : (v ?? t('common.none'))) },
            { title: t('ap.col.signal'), dataIndex: 'signal', width: 100, render: (v: SignalLevel, r) => <SignalTag signal={v} testId={`row-signal-${r.id}`} /> },
            {
              title: t('common.actions'),
              key: 'act',
              width: 220,
              render: (_: unknown, r) => (
                <Flex gap={4} wrap>
                  <ApprovalActions item={r} size="small" onDone={() => refresh()} />
                  {data.canManage && r.status === 'not_started' ? (
                    <Popconfirm title={t('common.deleteConfirm', { name: r.name })} onConfirm={() => remove.mutate(r.id)}>
                      <Button size="small" type="link" danger>
                        {t('ap.project.remove')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
