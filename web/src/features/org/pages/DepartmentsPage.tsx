import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DEPARTMENT_KINDS, type Department, type DepartmentKind } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { orgApi } from '../api/org';
import { orgKeys, useDepartments, useLeaders, useRegionTree } from '../hooks/useLookups';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { RowActions } from '../../../components/RowActions';

interface Values {
  name: string;
  shortName?: string;
  kind: DepartmentKind;
  regionCode: string;
  sort?: number;
  active: boolean;
  leaderId?: number | null;
}

export function DepartmentsPage() {
  const { t, lang, label, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data, isPending } = useDepartments();
  const { names } = useRegionTree();
  const leaders = useLeaders();
  const leaderName = useMemo(() => new Map((leaders.data ?? []).map((l) => [l.id, l.name])), [leaders.data]);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<DepartmentKind | undefined>();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ kind: 'department', active: true, sort: 0 });
    else form.setFieldsValue({ name: editing.name, shortName: editing.shortName ?? undefined, kind: editing.kind, regionCode: editing.regionCode, sort: editing.sort, active: editing.active, leaderId: editing.leaderId ?? undefined });
  }, [editing, form]);

  const rows = useMemo(() => {
    const s = q.trim();
    return (data ?? []).filter((d) => (!s || d.name.includes(s) || (d.shortName ?? '').includes(s)) && (!kind || d.kind === kind));
  }, [data, q, kind]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name.trim(), shortName: v.shortName?.trim() || null, kind: v.kind, regionCode: v.regionCode, sort: v.sort ?? 0, active: v.active, leaderId: v.leaderId ?? null };
      return editing && editing !== 'new' ? orgApi.updateDepartment(editing.id, body) : orgApi.createDepartment(body);
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: orgKeys.departments });
      // 分管领导 shows on the people page as the units a leader oversees.
      void qc.invalidateQueries({ queryKey: orgKeys.peopleAll });
      setEditing(null);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      message.error(errorText(err, lang));
    },
  });

  const remove = useMutation({
    mutationFn: (id: number) => orgApi.deleteDepartment(id),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void qc.invalidateQueries({ queryKey: orgKeys.departments });
    },
    onError: (err) => message.error(errorText(err, lang)),
  });

  const columns: TableProps<Department>['columns'] = [
    { key: 'name', dataIndex: 'name', title: t('departments.name'), ellipsis: true },
    { key: 'shortName', dataIndex: 'shortName', title: t('departments.shortName'), width: 130 },
    { key: 'kind', dataIndex: 'kind', title: t('departments.kind'), width: 130, render: (_: unknown, d: Department) => label(DEPARTMENT_KINDS, d.kind) },
    { key: 'region', dataIndex: 'regionCode', title: t('departments.region'), width: 160, render: (_: unknown, d: Department) => names.get(d.regionCode) ?? d.regionCode },
    { key: 'leader', dataIndex: 'leaderId', title: t('departments.leader'), width: 120, render: (_: unknown, d: Department) => (d.leaderId ? (leaderName.get(d.leaderId) ?? '') : '') },
    { key: 'sort', dataIndex: 'sort', title: t('common.sort'), width: 90, align: 'right' },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('common.status'),
      width: 90,
      render: (_: unknown, d: Department) => (d.active ? <Tag color="green">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_: unknown, d: Department) => (
        <RowActions name={d.name} onEdit={() => setEditing(d)} onDelete={() => remove.mutateAsync(d.id).catch(() => undefined)} />
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('departments.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="btn-add-department">
            {t('departments.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('departments.name')} style={{ width: 260 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} />
          <Select allowClear placeholder={t('departments.kind')} style={{ width: 180 }} options={options(DEPARTMENT_KINDS)} value={kind} onChange={(v?: DepartmentKind) => setKind(v)} />
        </Flex>
        <Table<Department>
          data-testid="department-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={isPending}
          scroll={{ x: 1020 }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('departments.addTitle') : t('departments.editTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('departments.name')} rules={[{ required: true, whitespace: true, min: 2, message: `${t('common.pleaseInput')}${t('departments.name')}` }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="shortName" label={t('departments.shortName')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="kind" label={t('departments.kind')} rules={[{ required: true }]}>
            <Select options={options(DEPARTMENT_KINDS)} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('departments.region')} rules={[{ required: true, message: `${t('common.pleaseSelect')}${t('departments.region')}` }]}>
            <RegionTreeSelect />
          </Form.Item>
          <Form.Item name="leaderId" label={t('departments.leader')} extra={t('departments.leaderHelp')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={leaders.isLoading} options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))} />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item name="sort" label={t('common.sort')} style={{ flex: 1 }}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="active" label={t('common.status')} valuePropName="checked">
              <Switch checkedChildren={t('common.enabled')} unCheckedChildren={t('common.disabled')} />
            </Form.Item>
          </Flex>
        </Form>
      </Modal>
    </div>
  );
}
