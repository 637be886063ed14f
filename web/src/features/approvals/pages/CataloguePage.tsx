import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Table, Tabs, Tag, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  APPROVAL_PHASES,
  APPROVAL_STEPS,
  EFFICIENCY_GRADES,
  INVESTMENT_TYPES,
  PROJECT_FIELDS,
  YEAR_CATEGORIES,
  type ApprovalItem,
  type ApprovalItemInput,
  type ApprovalSettings,
  type ApprovalTemplate,
  type ApprovalTemplateInput,
} from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText, pathToName } from '../../../api/errors';
import { ApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useDepartments } from '../../org/hooks/useLookups';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { RowActions } from '../../../components/RowActions';

/** Shows the server's field errors on the form, or a message. */
function useFail(form: Pick<FormInstance, 'setFields'>) {
  const { message } = App.useApp();
  const { lang } = useI18n();
  return (e: unknown) => {
    if (e instanceof ApiError && e.details.length) form.setFields(e.details.map((d) => ({ name: pathToName(d.path), errors: [d.message] })));
    message.error(errorText(e, lang));
  };
}

function ItemModal({ item, open, onClose }: { item: ApprovalItem | null; open: boolean; onClose: () => void }) {
  const { t, options, label } = useI18n();
  const [form] = Form.useForm<ApprovalItemInput>();
  const qc = useQueryClient();
  const depts = useDepartments();
  const fail = useFail(form);
  useEffect(() => {
    if (open) form.setFieldsValue(item ?? { statutoryDays: 20, promisedDays: 10, stepDays: { accept: 1, undertake: 4, review: 2, approve: 2, finish: 1 }, phase: 'land_planning', active: true });
    else form.resetFields();
  }, [open, item, form]);
  const save = useMutation({
    mutationFn: (v: ApprovalItemInput) => (item ? approvalsApi.updateItem(item.id, v) : approvalsApi.createItem(v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
      onClose();
    },
    onError: fail,
  });
  return (
    <Modal open={open} title={item ? t('cat.editItem') : t('cat.newItem')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('cat.code')} rules={[{ required: true }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('cat.name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="departmentId" label={t('ap.col.department')} rules={[{ required: true }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phase" label={t('ap.col.phase')} rules={[{ required: true }]}>
              <Select options={options(APPROVAL_PHASES)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="statutoryDays" label={t('cat.statutory')} rules={[{ required: true }]}>
              <InputNumber min={1} max={999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="promisedDays" label={t('cat.promised')} rules={[{ required: true }]}>
              <InputNumber min={1} max={999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="sort" label={t('cat.sort')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="active" label={t('cat.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('cat.steps')} required style={{ marginBottom: 0 }}>
          <Row gutter={8}>
            {APPROVAL_STEPS.map((s) => (
              <Col key={s.value} span={Math.floor(24 / 5)} style={{ flex: '1 0 20%', maxWidth: '20%' }}>
                <Form.Item name={['stepDays', s.value]} label={label(APPROVAL_STEPS, s.value)} rules={[{ required: true }]}>
                  <InputNumber min={1} max={999} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ItemsTab() {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: approvalKeys.items, queryFn: approvalsApi.items });
  const [edit, setEdit] = useState<ApprovalItem | null>(null);
  const [open, setOpen] = useState(false);
  const remove = useMutation({ mutationFn: approvalsApi.deleteItem, onSuccess: () => void qc.invalidateQueries({ queryKey: approvalKeys.all }), onError: (e) => message.error(errorText(e, lang)) });
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => {
          setEdit(null);
          setOpen(true);
        }}
        data-testid="btn-new-item"
      >
        {t('cat.newItem')}
      </Button>
      <Table<ApprovalItem>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="catalogue-items"
        columns={[
          { title: t('cat.code'), dataIndex: 'code', width: 110 },
          { title: t('cat.name'), dataIndex: 'name', width: 220 },
          { title: t('ap.col.phase'), dataIndex: 'phase', width: 140, render: (v: string) => label(APPROVAL_PHASES, v) },
          { title: t('ap.col.department'), dataIndex: 'departmentName', width: 180 },
          { title: t('cat.statutory'), dataIndex: 'statutoryDays', width: 80, align: 'right' as const },
          { title: t('cat.promised'), dataIndex: 'promisedDays', width: 80, align: 'right' as const },
          { title: t('cat.steps'), key: 'steps', width: 200, render: (_: unknown, r) => APPROVAL_STEPS.map((s) => r.stepDays[s.value]).join(' / ') },
          { title: t('cat.active'), dataIndex: 'active', width: 90, render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          {
            title: t('common.actions'),
            key: 'a',
            width: 140,
            render: (_: unknown, r) => (
              <RowActions
                name={r.name}
                onEdit={() => {
                  setEdit(r);
                  setOpen(true);
                }}
                onDelete={() => remove.mutate(r.id)}
                deleteBlocked={r.used ? <Tag>{t('cat.used')}</Tag> : undefined}
              />
            ),
          },
        ]}
      />
      <ItemModal item={edit} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function TemplateModal({ tpl, open, onClose }: { tpl: ApprovalTemplate | null; open: boolean; onClose: () => void }) {
  const { t, options } = useI18n();
  const [form] = Form.useForm<ApprovalTemplateInput>();
  const qc = useQueryClient();
  const items = useQuery({ queryKey: approvalKeys.items, queryFn: approvalsApi.items });
  const fail = useFail(form);
  useEffect(() => {
    if (open) form.setFieldsValue(tpl ?? { itemCodes: [], active: true });
    else form.resetFields();
  }, [open, tpl, form]);
  const save = useMutation({
    mutationFn: (v: ApprovalTemplateInput) => (tpl ? approvalsApi.updateTemplate(tpl.id, v) : approvalsApi.createTemplate(v)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
      onClose();
    },
    onError: fail,
  });
  const any = { value: '', label: t('cat.anyKind') };
  const nullable = (v: unknown) => (v === '' || v === undefined ? null : v);
  return (
    <Modal open={open} title={tpl ? t('cat.editTemplate') : t('cat.newTemplate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} width={640} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate({ ...v, investmentType: nullable(v.investmentType) as ApprovalTemplateInput['investmentType'], projectField: nullable(v.projectField) as ApprovalTemplateInput['projectField'], projectCategory: nullable(v.projectCategory) as ApprovalTemplateInput['projectCategory'] })}
      >
        <Form.Item name="name" label={t('cat.templateName')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} sm={8}>
            <Form.Item name="investmentType" label={t('cat.investmentType')}>
              <Select allowClear options={[any, ...options(INVESTMENT_TYPES)]} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="projectField" label={t('cat.field')}>
              <Select allowClear options={[any, ...options(PROJECT_FIELDS)]} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="projectCategory" label={t('cat.category')}>
              <Select allowClear options={[any, ...options(YEAR_CATEGORIES)]} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="itemCodes" label={t('cat.itemsOf')} rules={[{ required: true }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(items.data ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.departmentName ?? ''}）` }))} />
        </Form.Item>
        <Form.Item name="active" label={t('cat.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TemplatesTab() {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: approvalKeys.templates, queryFn: approvalsApi.templates });
  const [edit, setEdit] = useState<ApprovalTemplate | null>(null);
  const [open, setOpen] = useState(false);
  const remove = useMutation({ mutationFn: approvalsApi.deleteTemplate, onSuccess: () => void qc.invalidateQueries({ queryKey: approvalKeys.all }), onError: (e) => message.error(errorText(e, lang)) });
  const kind = (r: ApprovalTemplate) => [label(INVESTMENT_TYPES, r.investmentType), label(PROJECT_FIELDS, r.projectField), label(YEAR_CATEGORIES, r.projectCategory)].filter(Boolean).join(' · ') || t('cat.anyKind');
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => {
          setEdit(null);
          setOpen(true);
        }}
      >
        {t('cat.newTemplate')}
      </Button>
      <Table<ApprovalTemplate>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        columns={[
          { title: t('cat.templateName'), dataIndex: 'name', width: 200 },
          { title: t('cat.investmentType'), key: 'kind', width: 200, render: (_: unknown, r) => kind(r) },
          { title: t('cat.itemsOf'), key: 'items', render: (_: unknown, r) => r.items.map((i) => i.name).join('、') },
          { title: t('cat.active'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          {
            title: t('common.actions'),
            key: 'a',
            width: 140,
            render: (_: unknown, r) => (
              <RowActions
                name={r.name}
                onEdit={() => {
                  setEdit(r);
                  setOpen(true);
                }}
                onDelete={() => remove.mutate(r.id)}
              />
            ),
          },
        ]}
      />
      <TemplateModal tpl={edit} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function SettingsTab() {
  const { t, label } = useI18n();
  const [form] = Form.useForm<ApprovalSettings>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: approvalKeys.settings, queryFn: approvalsApi.settings });
  const fail = useFail(form);
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: approvalsApi.saveSettings,
    onSuccess: (d) => {
      qc.setQueryData(approvalKeys.settings, d);
      void qc.invalidateQueries({ queryKey: ['efficiency'] });
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
      message.success(t('common.saved'));
    },
    onError: fail,
  });
  const ratio = (name: (string | number)[], labelText: string) => (
    <Form.Item name={name} label={labelText} rules={[{ required: true }]}>
      <InputNumber step={0.05} min={-10} max={1} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 760 }}>
      <Card size="small" title={t('cat.processTotal')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name={['process', 'total']} label={t('cat.processTotal')} rules={[{ required: true }]}>
              <InputNumber min={1} max={999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {APPROVAL_PHASES.map((p) => (
            <Col key={p.value} xs={12} sm={8}>
              <Form.Item name={['process', 'phases', p.value]} label={t('cat.phaseLimit', { phase: label(APPROVAL_PHASES, p.value) })} rules={[{ required: true }]}>
                <InputNumber min={1} max={999} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('eff.quarter')} style={{ marginBottom: 12 }}>
        {(['excellent', 'good', 'pass'] as const).map((g) => (
          <Row gutter={12} key={g}>
            <Col span={24}>
              <b>{label(EFFICIENCY_GRADES, g)}</b>
            </Col>
            <Col xs={24} sm={8}>
              {ratio(['grades', g, 'minSpeedUp'], t('cat.minSpeedUp'))}
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name={['grades', g, 'maxOverdue']} label={t('cat.maxOverdue')} rules={[{ required: true }]}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              {ratio(['grades', g, 'minSatisfaction'], t('cat.minSatisfaction'))}
            </Col>
          </Row>
        ))}
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** 审批事项目录: items, templates by project type, and the limits and grade cut-offs. */
export function CataloguePage() {
  const { t } = useI18n();
  const [sp, update] = useUrlParams();
  const tab = sp.get('tab') ?? 'items';
  return (
    <>
      <PageHeader title={t('cat.title')} sub={t('cat.sub')} />
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          update((cur) => {
            cur.set('tab', k);
            return cur;
          })
        }
        items={[
          { key: 'items', label: t('cat.items'), children: <ItemsTab /> },
          { key: 'templates', label: t('cat.templates'), children: <TemplatesTab /> },
          { key: 'settings', label: t('cat.settings'), children: <SettingsTab /> },
        ]}
      />
    </>
  );
}
