import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Skeleton, Table, Tag, Select, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REGION_CODE_RE, REGION_LEVELS, type Region, type RegionLevel } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { orgApi } from '../api/org';
import { orgKeys, useRegionTree, type RegionNode } from '../hooks/useLookups';
import { RegionTreeSelect } from '../components/RegionTreeSelect';
import { RowActions } from '../../../components/RowActions';

const CHILD_LEVEL: Record<RegionLevel, RegionLevel> = { province: 'city', city: 'county', county: 'town', town: 'town', park: 'park' };

interface Values {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string | null;
  sort?: number;
}

type Editing = { mode: 'create'; parent: Region | null } | { mode: 'edit'; region: Region };

export function RegionsPage() {
  const { t, lang, label, options } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { tree, isPending } = useRegionTree();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.mode === 'edit') {
      const r = editing.region;
      form.setFieldsValue({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, sort: r.sort });
    } else {
      const p = editing.parent;
      form.setFieldsValue({ parentCode: p?.code ?? null, level: p ? CHILD_LEVEL[p.level] : 'county', sort: 0, code: p && p.code.length === 6 && p.level === 'county' ? p.code : undefined });
    }
  }, [editing, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name.trim(), level: v.level, parentCode: v.parentCode || null, sort: v.sort ?? 0 };
      return editing?.mode === 'edit' ? orgApi.updateRegion(editing.region.code, body) : orgApi.createRegion({ ...body, code: v.code.trim() });
    },
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: orgKeys.regions });
      setEditing(null);
    },
    onError: (err) => {
      applyFieldErrors(form, err);
      message.error(errorText(err, lang));
    },
  });

  const remove = useMutation({
    mutationFn: (code: string) => orgApi.deleteRegion(code),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void qc.invalidateQueries({ queryKey: orgKeys.regions });
    },
    onError: (err) => message.error(errorText(err, lang)),
  });

  const columns: TableProps<RegionNode>['columns'] = [
    { key: 'name', title: t('regions.name'), render: (_: unknown, n: RegionNode) => n.region.name },
    { key: 'code', title: t('regions.code'), width: 140, render: (_: unknown, n: RegionNode) => <code>{n.region.code}</code> },
    { key: 'level', title: t('regions.level'), width: 130, render: (_: unknown, n: RegionNode) => <Tag>{label(REGION_LEVELS, n.region.level)}</Tag> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 240,
      render: (_: unknown, n: RegionNode) => (
        <RowActions name={n.region.name} onEdit={() => setEditing({ mode: 'edit', region: n.region })} onDelete={() => remove.mutateAsync(n.region.code).catch(() => undefined)}>
          <Button type="link" size="small" onClick={() => setEditing({ mode: 'create', parent: n.region })}>
            {t('regions.addChild')}
          </Button>
        </RowActions>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('regions.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: null })} data-testid="btn-add-region">
            {t('regions.addRoot')}
          </Button>
        }
      />
      <Card>
        {isPending ? (
          <Skeleton active />
        ) : (
          <Table<RegionNode> data-testid="region-table" rowKey="value" size="middle" columns={columns} dataSource={tree} pagination={false} expandable={{ defaultExpandAllRows: true }} scroll={{ x: 640 }} />
        )}
      </Card>
      <Modal
        open={editing !== null}
        title={editing?.mode === 'edit' ? t('regions.editTitle') : t('regions.addTitle')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item
            name="code"
            label={t('regions.code')}
            extra={t('regions.codeHint')}
            rules={[{ required: true, pattern: REGION_CODE_RE, message: t('regions.codeInvalid') }]}
          >
            <Input maxLength={9} disabled={editing?.mode === 'edit'} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true, min: 2, message: `${t('common.pleaseInput')}${t('regions.name')}` }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="level" label={t('regions.level')} rules={[{ required: true, message: `${t('common.pleaseSelect')}${t('regions.level')}` }]}>
            <Select options={options(REGION_LEVELS)} />
          </Form.Item>
          <Form.Item name="parentCode" label={t('regions.parent')}>
            <RegionTreeSelect />
          </Form.Item>
          <Form.Item name="sort" label={t('common.sort')}>
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
