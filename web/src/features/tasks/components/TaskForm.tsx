import { useEffect, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_CADENCES, TASK_TARGET_UNITS, type TaskDetail, type TaskInput, type TaskUnitRef } from '@tiaodu/contracts';
import { ApiError } from '../../../api/client';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { taskKeys, tasksApi } from '../api/tasks';
import { useTaskTypes } from '../hooks/useTasks';
import { PersonSelect, UnitSelect, UnitsSelect } from './Pickers';
import { parseBreakdown } from './taskView';

interface TargetRow {
  id?: number;
  name: string;
  kind: 'quantity' | 'deliverable';
  value?: string | null;
  unit?: string;
  dueDate?: string | null;
  main?: boolean;
  fromProjects?: boolean;
  breakdownBy?: 'month' | 'quarter';
  breakdownText?: string;
}

/** A node row: `id` for an existing node (renamed, moved or removed on save), none for a new one. */
interface NodeRow {
  id?: number;
  name: string;
  dueDate: string;
  done?: boolean;
}

interface FormValues {
  title: string;
  type: string;
  year: number;
  leadLeaderId: number | null;
  leadUnit: TaskUnitRef | null;
  coUnits: TaskUnitRef[];
  followerId: number | null;
  benchmark?: string;
  description?: string;
  cadence: 'weekly' | 'xun' | 'monthly';
  deadline: string;
  publicCommitment: boolean;
  targets: TargetRow[];
  nodes: NodeRow[];
  projectIds: (number | undefined)[];
}

function toValues(d: TaskDetail | null): Partial<FormValues> {
  const year = new Date().getFullYear();
  if (!d) return { year, cadence: 'monthly', publicCommitment: false, coUnits: [], targets: [], nodes: [], projectIds: [] };
  return {
    title: d.title,
    type: d.type,
    year: d.year,
    leadLeaderId: d.leadLeaderId,
    leadUnit: d.leadUnit,
    coUnits: d.units.filter((u) => u.role === 'co').map((u) => ({ unitType: u.unitType, unitId: u.unitId })),
    followerId: d.followerId,
    benchmark: d.benchmark ?? undefined,
    description: d.description ?? undefined,
    cadence: d.cadence,
    deadline: d.deadline,
    publicCommitment: d.publicCommitment,
    targets: d.targets.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      value: t.value,
      unit: t.unit,
      dueDate: t.dueDate,
      main: t.main,
      fromProjects: t.fromProjects,
      breakdownBy: t.breakdown?.by,
      breakdownText: t.breakdown?.values.map((v) => v ?? '').join(', '),
    })),
    nodes: d.nodes.map((n) => ({ id: n.id, name: n.name, dueDate: n.dueDate, done: !!n.doneDate })),
    projectIds: d.projects.map((p) => p.id),
  };
}

function toInput(v: FormValues) {
  return {
    title: v.title,
    type: v.type,
    year: v.year,
    leadLeaderId: v.leadLeaderId ?? null,
    leadUnit: v.leadUnit as TaskUnitRef,
    coUnits: v.coUnits ?? [],
    followerId: v.followerId ?? null,
    benchmark: v.benchmark || null,
    description: v.description || null,
    cadence: v.cadence,
    deadline: v.deadline,
    publicCommitment: !!v.publicCommitment,
    targets: (v.targets ?? []).map((t) => {
      const cells = parseBreakdown(t.breakdownText);
      return {
        id: t.id,
        name: t.name,
        kind: t.kind,
        value: t.kind === 'quantity' ? (t.value ?? null) : null,
        unit: t.unit ?? '',
        dueDate: t.dueDate || null,
        main: !!t.main,
        fromProjects: !!t.fromProjects,
        breakdown: cells ? { by: t.breakdownBy ?? (cells.length <= 4 ? 'quarter' : 'month'), values: cells } : null,
      };
    }),
    projectIds: [...new Set((v.projectIds ?? []).filter((x): x is number => !!x))],
  };
}

/** A node's save that failed, with the row it belongs to. */
class NodeSaveError extends Error {
  constructor(
    readonly index: number | null,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The create / edit form of a task (task:manage), in a drawer. Editing a task, its nodes are
 * saved after the task through the node endpoints: a new row is added, a renamed or moved row
 * patched, a removed row (not done) deleted; the server's refusal (a node after the deadline)
 * shows on the row's field.
 */
export function TaskForm({ open, task, onClose, onSaved }: { open: boolean; task: TaskDetail | null; onClose: () => void; onSaved?: (d: TaskDetail) => void }) {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const types = useTaskTypes();
  const qc = useQueryClient();
  // the nodes as the server has them, updated as each node is saved (a retry does not repeat a save)
  const saved = useRef(new Map<number, NodeRow>());
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toValues(task) as FormValues);
      saved.current = new Map((task?.nodes ?? []).map((n) => [n.id, { id: n.id, name: n.name, dueDate: n.dueDate, done: !!n.doneDate }]));
    }
    // only when the drawer opens: a refetch while it is open keeps what the user typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);

  const saveNodes = async (taskId: number, rows: NodeRow[], after: TaskDetail): Promise<TaskDetail> => {
    let last = after;
    const kept = new Set(rows.map((r) => r?.id).filter((id): id is number => !!id));
    for (const [i, r] of rows.entries()) {
      if (!r?.name || !r.dueDate) continue;
      try {
        if (r.id) {
          const was = saved.current.get(r.id);
          if (!was || (was.name === r.name && was.dueDate === r.dueDate)) continue;
          last = await tasksApi.patchNode(r.id, { name: r.name, dueDate: r.dueDate });
          saved.current.set(r.id, { ...was, name: r.name, dueDate: r.dueDate });
        } else {
          last = await tasksApi.addNode(taskId, { name: r.name, dueDate: r.dueDate });
          const created = last.nodes.find((n) => !saved.current.has(n.id));
          if (created) {
            saved.current.set(created.id, { id: created.id, name: created.name, dueDate: created.dueDate });
            kept.add(created.id);
            form.setFieldValue(['nodes', i, 'id'], created.id);
          }
        }
      } catch (e) {
        throw new NodeSaveError(i, e);
      }
    }
    // removals last: a refused row leaves the removed ones in place
    for (const [id, n] of [...saved.current]) {
      if (kept.has(id) || n.done) continue;
      try {
        last = await tasksApi.removeNode(id);
      } catch (e) {
        throw new NodeSaveError(null, e);
      }
      saved.current.delete(id);
    }
    return last;
  };

  /** The server's errors on the node rows (`nodes.2.dueDate` when creating, `dueDate` of one node's save). */
  const nodeErrors = (err: unknown, index: number | null): boolean => {
    if (!(err instanceof ApiError)) return false;
    const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
    for (const d of err.details) {
      const m = /^nodes\.(\d+)\.(name|dueDate)$/.exec(d.path);
      if (m) fields.push({ name: ['nodes', Number(m[1]), m[2]!], errors: [d.message] });
      else if (index != null && (d.path === 'name' || d.path === 'dueDate')) fields.push({ name: ['nodes', index, d.path], errors: [d.message] });
    }
    if (!fields.length) return false;
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    form.scrollToField(fields[0]!.name, { block: 'center' });
    return true;
  };

  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const body = toInput(v);
      if (!task) return tasksApi.create({ ...body, nodes: (v.nodes ?? []).filter((n) => n?.name && n.dueDate).map((n) => ({ name: n.name, dueDate: n.dueDate })) } as TaskInput);
      // the rows as the store has them: onFinish leaves out `id` and `done`, which no field shows
      const rows = (form.getFieldValue('nodes') as NodeRow[] | undefined) ?? [];
      return saveNodes(task.id, rows, await tasksApi.update(task.id, body));
    },
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: taskKeys.all });
      message.success(t('task.saved'));
      onSaved?.(d);
      onClose();
    },
    onError: (e) => {
      const err = e instanceof NodeSaveError ? e.cause : e;
      if (e instanceof NodeSaveError) void qc.invalidateQueries({ queryKey: taskKeys.all });
      if (!nodeErrors(err, e instanceof NodeSaveError ? e.index : null) && !applyFieldErrors(form, err)) message.error(errorText(err, lang));
    },
  });
  return (
    <Drawer open={open} onClose={onClose} width={760} title={task ? t('task.edit') : t('task.new')} destroyOnHidden extra={<Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="task-save">{t('common.save')}</Button>}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="task-form">
        <Form.Item name="title" label={t('task.f.title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="type" label={t('task.f.type')} rules={[{ required: true }]}>
              <Select options={(types.data?.types ?? []).map((x) => ({ value: x, label: x }))} data-testid="task-type" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="year" label={t('task.f.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="deadline" label={t('task.f.deadline')} rules={[{ required: true }]}>
              <Input type="date" data-testid="task-deadline" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="leadLeaderId" label={t('task.f.leader')}>
              <PersonSelect leaders testId="task-leader" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="leadUnit" label={t('task.f.leadUnit')} rules={[{ required: true }]}>
              <UnitSelect testId="task-lead-unit" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="coUnits" label={t('task.f.coUnits')}>
          <UnitsSelect testId="task-co-units" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="followerId" label={t('task.f.follower')}>
              <PersonSelect testId="task-follower" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="cadence" label={t('task.f.cadence')}>
              <Select options={options(TASK_CADENCES)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="publicCommitment" label={t('task.f.public')} valuePropName="checked">
              <Checkbox />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="benchmark" label={t('task.f.benchmark')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="description" label={t('task.f.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>

        <Typography.Title level={5}>{t('task.f.targets')}</Typography.Title>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card size="small" key={f.key} style={{ marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={8}>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[f.name, 'name']} label={t('task.f.targetName')} rules={[{ required: true }]}>
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'kind']} label={t('task.f.kind')} initialValue="quantity">
                        <Select options={[{ value: 'quantity', label: t('task.f.kind.quantity') }, { value: 'deliverable', label: t('task.f.kind.deliverable') }]} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item name={[f.name, 'dueDate']} label={t('task.f.dueDate')}>
                        <Input type="date" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['targets', f.name, 'kind']) !== 'deliverable' ? (
                        <Row gutter={8}>
                          <Col xs={12} sm={6}>
                            <Form.Item name={[f.name, 'value']} label={t('task.f.value')}>
                              <Input inputMode="decimal" />
                            </Form.Item>
                          </Col>
                          <Col xs={12} sm={6}>
                            <Form.Item name={[f.name, 'unit']} label={t('task.f.unit')}>
                              <Select showSearch mode={undefined} options={TASK_TARGET_UNITS.map((u) => ({ value: u, label: u }))} allowClear />
                            </Form.Item>
                          </Col>
                          <Col xs={24} sm={12}>
                            <Form.Item name={[f.name, 'breakdownText']} label={t('task.f.breakdown')}>
                              <Input placeholder="10, 20, 30, 40" />
                            </Form.Item>
                          </Col>
                        </Row>
                      ) : null
                    }
                  </Form.Item>
                  <Flex justify="space-between">
                    <Space>
                      <Form.Item name={[f.name, 'main']} valuePropName="checked" noStyle>
                        <Checkbox>{t('task.f.main')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'fromProjects']} valuePropName="checked" noStyle>
                        <Checkbox>{t('task.f.fromProjects')}</Checkbox>
                      </Form.Item>
                    </Space>
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'quantity' })} style={{ marginBottom: 16 }} data-testid="task-add-target">
                {t('task.f.addTarget')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('task.f.nodes')}</Typography.Title>
        <Form.List name="nodes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const done = !!form.getFieldValue(['nodes', f.name, 'done']);
                return (
                  <Flex key={f.key} gap={8} align="start" data-testid={`task-form-node-${f.name}`}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('task.f.nodeNameRequired') }]} style={{ flex: 1 }}>
                      <Input placeholder={t('task.f.nodeName')} maxLength={100} data-testid={`task-form-node-name-${f.name}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true, message: t('task.f.nodeDueRequired') }]}>
                      <Input type="date" data-testid={`task-form-node-due-${f.name}`} />
                    </Form.Item>
                    {done ? (
                      <Tooltip title={t('task.f.nodeDone')}>
                        <Button icon={<DeleteOutlined />} disabled aria-label={t('task.f.nodeDone')} />
                      </Tooltip>
                    ) : (
                      <Button danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('task.delete')} data-testid={`task-form-node-remove-${f.name}`} />
                    )}
                  </Flex>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', dueDate: '' })} style={{ marginBottom: 16 }} data-testid="task-form-node-add">
                {t('task.f.addNode')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('task.f.projects')}</Typography.Title>
        <Form.List name="projectIds">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={f.name} style={{ flex: 1 }}>
                    <ProjectSelect onChange={() => undefined} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()}>
                {t('task.f.addProject')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
