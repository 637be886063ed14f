import { useEffect, useState } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { INDICATOR_SUBJECTS, REGION_LEVELS, type PeerGroup, type UnitOption, type UnitType } from '@tiaodu/contracts';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { RowActions } from '../../../components/RowActions';
import { useI18n } from '../../../i18n';
import { indicatorKeys, indicatorsApi, type ExternalUnit } from '../api/indicators';

const SUBJECTS = ['county', 'city', 'town', 'park', 'department', 'external'] as const;
const refKey = (u: { unitType: string; unitId: string }) => `${u.unitType}:${u.unitId}`;

/** Every unit a peer group may hold, by subject (external peers included), as grouped select options. */
function useUnitOptions(enabled: boolean) {
  const { t, label } = useI18n();
  const results = useQueries({
    queries: SUBJECTS.map((subject) => ({ queryKey: indicatorKeys.units({ subject }), queryFn: () => indicatorsApi.units({ subject }), enabled, staleTime: 60_000 })),
  });
  return SUBJECTS.map((subject, i) => ({
    label: subject === 'external' ? t('ind.bench.externalUnits') : label(INDICATOR_SUBJECTS, subject),
    options: (results[i]?.data ?? []).map((u: UnitOption) => ({ value: refKey(u), label: u.parentName && subject !== 'department' ? `${u.unitName}（${u.parentName}）` : u.unitName })),
  })).filter((g) => g.options.length);
}

function PeerGroupModal({ group, open, onClose }: { group: PeerGroup | null; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ name: string; members: string[]; note?: string }>();
  const options = useUnitOptions(open);
  useEffect(() => {
    if (open) form.setFieldsValue(group ? { name: group.name, members: group.members.map(refKey), note: group.note ?? '' } : { name: '', members: [], note: '' });
  }, [open, group, form]);
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      const body = { name: v.name, note: v.note?.trim() || null, members: v.members.map((k) => ({ unitType: k.split(':')[0] as UnitType, unitId: k.split(':').slice(1).join(':') })) };
      return group ? indicatorsApi.updatePeerGroup(group.id, body) : indicatorsApi.createPeerGroup(body);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: indicatorKeys.peerGroups });
      void qc.invalidateQueries({ queryKey: ['indicators', 'benchmark'] });
      message.success(t('ind.bench.groupSaved'));
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });
  return (
    <Modal open={open} title={group ? t('ind.bench.editGroup') : t('ind.bench.newGroup')} onCancel={onClose} onOk={() => save.mutate()} confirmLoading={save.isPending} width={640} destroyOnHidden okButtonProps={{ 'data-testid': 'peer-group-save' }}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('ind.bench.groupName')} rules={[{ required: true, message: t('ind.bench.groupNameRequired') }]}>
          <Input maxLength={50} placeholder={t('ind.bench.groupNamePh')} data-testid="peer-group-name" />
        </Form.Item>
        <Form.Item name="members" label={t('ind.bench.members')} rules={[{ required: true, type: 'array', min: 2, message: t('ind.bench.membersMin') }]} extra={t('ind.bench.membersHelp')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="peer-group-members" />
        </Form.Item>
        <Form.Item name="note" label={t('ind.periods.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 对标组: groups of peers the admin defines (units of any type, external ones included). */
export function PeerGroupsPanel() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: indicatorKeys.peerGroups, queryFn: indicatorsApi.peerGroups });
  const [edit, setEdit] = useState<PeerGroup | null>(null);
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: (id: number) => indicatorsApi.deletePeerGroup(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: indicatorKeys.peerGroups }),
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        data-testid="btn-new-peer-group"
        onClick={() => {
          setEdit(null);
          setOpen(true);
        }}
      >
        {t('ind.bench.newGroup')}
      </Button>
      <Table<PeerGroup>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('ind.bench.groupName'), dataIndex: 'name', width: 180 },
          { title: t('ind.bench.members'), dataIndex: 'members', render: (m: PeerGroup['members']) => m.map((u) => <Tag key={refKey(u)} color={u.unitType === 'external' ? 'purple' : undefined}>{u.unitName}</Tag>) },
          { title: t('ind.periods.note'), dataIndex: 'note', width: 160, render: (v: string | null) => v ?? '' },
          {
            title: t('common.actions'),
            key: 'a',
            width: 120,
            render: (_: unknown, g) => (
              <RowActions
                name={g.name}
                onEdit={() => {
                  setEdit(g);
                  setOpen(true);
                }}
                onDelete={() => remove.mutate(g.id)}
              />
            ),
          },
        ]}
      />
      <PeerGroupModal group={edit} open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}

/** 外部单位: peers outside the platform, whose figures are only imported (e.g. the 11 provincial peers of a district). */
export function ExternalUnitsPanel() {
  const { t, lang, options, label } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: indicatorKeys.externalUnits, queryFn: indicatorsApi.externalUnits });
  const [form] = Form.useForm<{ name: string; level: string; parentName?: string }>();
  const add = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      return indicatorsApi.createExternalUnit({ name: v.name, level: v.level, parentName: v.parentName?.trim() || null });
    },
    onSuccess: (u) => {
      message.success(t('ind.bench.externalAdded', { name: u.name }));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: indicatorKeys.externalUnits });
      void qc.invalidateQueries({ queryKey: ['indicators', 'units'] });
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="vertical" initialValues={{ level: 'county' }} onFinish={() => add.mutate()}>
        <Row gutter={8} align="bottom">
          <Col xs={24} sm={8}>
            <Form.Item name="name" label={t('ind.bench.externalName')} rules={[{ required: true, message: t('ind.bench.externalNameRequired') }]}>
              <Input maxLength={50} placeholder={t('ind.bench.externalNamePh')} data-testid="external-name" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item name="level" label={t('ind.bench.externalLevel')}>
              <Select options={options(REGION_LEVELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item name="parentName" label={t('ind.bench.externalParent')}>
              <Input maxLength={50} placeholder={t('ind.bench.externalParentPh')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={4}>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} block data-testid="external-add">
                {t('common.add')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Table<ExternalUnit>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        columns={[
          { title: t('ind.bench.externalName'), dataIndex: 'name' },
          { title: t('ind.bench.externalLevel'), dataIndex: 'level', render: (v: string) => label(REGION_LEVELS, v) },
          { title: t('ind.bench.externalParent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '' },
        ]}
      />
    </Space>
  );
}
