import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MilestoneTemplate, MilestoneTemplateInput } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useCurrentUser } from '../../auth/hooks/useAuth';
import { useDepartments } from '../../org/hooks/useLookups';
import { milestoneKeys, milestonesApi } from '../api/milestones';

/** 节点模板库: the standard milestone templates with their durations in working days. */
export function TemplatesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: milestoneKeys.templates, queryFn: milestonesApi.templates });
  const depts = useDepartments();
  const deptName = new Map((depts.data ?? []).map((d) => [d.id, d.name]));
  const editable = user.role === 'admin' || user.role === 'dispatcher';
  const [editing, setEditing] = useState<MilestoneTemplate | 'new' | null>(null);
  const remove = useMutation({ mutationFn: (id: number) => milestonesApi.removeTemplate(id), onSuccess: () => qc.invalidateQueries({ queryKey: milestoneKeys.templates }) });
  return (
    <div data-testid="templates-page">
      <PageHeader
        title={t('nav.templates')}
        sub={t('tpl.sub')}
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="tpl-new">
              {t('tpl.new')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[12, 12]}>
        {(list.data ?? []).map((tpl) => (
          <Col key={tpl.id} xs={24} lg={12}>
            <Card
              size="small"
              title={
                <Space>
                  {tpl.name}
                  {tpl.active ? null : <Tag>{t('tpl.inactive')}</Tag>}
                </Space>
              }
              extra={
                editable ? (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(tpl)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('common.deleteConfirm', { name: tpl.name })} onConfirm={() => remove.mutateAsync(tpl.id).catch((e: unknown) => message.error(errorText(e, lang)))}>
                      <Button type="link" size="small" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null
              }
            >
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                pagination={false}
                dataSource={tpl.nodes}
                columns={[
                  { title: '#', key: 'i', width: 40, render: (_, __, i) => i + 1 },
                  { title: t('ms.node'), dataIndex: 'name' },
                  { title: t('tpl.duration'), dataIndex: 'durationDays', width: 110, align: 'right' },
                  { title: t('ms.unitDept'), dataIndex: 'responsibleDeptId', render: (v: number | null | undefined) => (v ? deptName.get(v) ?? v : '—') },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <Typography.Text strong>{t('tpl.total')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <Typography.Text strong>{tpl.nodes.reduce((a, n) => a + n.durationDays, 0)}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} />
                  </Table.Summary.Row>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {editing ? <TemplateModal tpl={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function TemplateModal({ tpl, onClose }: { tpl: MilestoneTemplate | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const depts = useDepartments();
  const [form] = Form.useForm<MilestoneTemplateInput>();
  const save = useMutation({
    mutationFn: (v: MilestoneTemplateInput) => (tpl ? milestonesApi.updateTemplate(tpl.id, v) : milestonesApi.createTemplate(v)),
    onSuccess: () => qc.invalidateQueries({ queryKey: milestoneKeys.templates }),
  });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ ...v, nodes: v.nodes.map((n) => ({ ...n, responsibleDeptId: n.responsibleDeptId ?? null })) });
      message.success(t('ms.saved'));
      onClose();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };
  return (
    <Modal open width={720} title={tpl ? tpl.name : t('tpl.new')} onCancel={onClose} onOk={submit} confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" initialValues={tpl ?? { name: '', active: true, nodes: [{ name: '', durationDays: 10 }] }}>
        <Space align="start" wrap>
          <Form.Item name="name" label={t('tpl.name')} rules={[{ required: true, message: t('tpl.nameRequired') }]}>
            <Input maxLength={100} style={{ width: 360 }} />
          </Form.Item>
          <Form.Item name="active" label={t('tpl.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.List name="nodes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('ms.nameRequired') }]}>
                    <Input placeholder={t('ms.node')} maxLength={100} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'durationDays']} rules={[{ required: true, message: t('tpl.durationRequired') }]}>
                    <InputNumber min={1} max={2000} precision={0} addonAfter={t('tpl.days')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'responsibleDeptId']}>
                    <Select allowClear showSearch optionFilterProp="label" placeholder={t('ms.unitDept')} style={{ width: 220 }} options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', durationDays: 10 })}>
                {t('tpl.addNode')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
