import { useState } from 'react';
import { Alert, App, Button, Col, Flex, Input, InputNumber, Modal, Row, Select, Table, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { IMPORT_FIELDS } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { fromMapping, toMapping, type Assignment, type ImportInspect, type InspectColumn } from '../api/import';
import { useSaveMapping, useSavedMappings } from '../hooks/useImport';

interface Props {
  inspect: ImportInspect;
  assign: Assignment;
  onAssign: (a: Assignment) => void;
  /** Read the file again with another sheet or header row. */
  onReinspect: (opts: { sheet?: string; headerRow?: number }) => void;
  reinspecting: boolean;
  /** A default region is chosen: rows need no region column. */
  regionOptional?: boolean;
}

const IGNORE = '';

/** One row per column of the sheet: its header, sample values and the field it imports into. */
export function MappingTable({ inspect, assign, onAssign, onReinspect, reinspecting, regionOptional }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const saved = useSavedMappings();
  const save = useSaveMapping();
  const [saveOpen, setSaveOpen] = useState(false);
  const [name, setName] = useState('');
  const [headerRow, setHeaderRow] = useState<number>(inspect.headerRow);

  const fieldLabel = (key: string, fallback: string) => {
    const f = IMPORT_FIELDS.find((x) => x.key === key);
    return f ? f[lang] : fallback;
  };
  const used = new Map<string, number>();
  for (const f of Object.values(assign)) if (f) used.set(f, (used.get(f) ?? 0) + 1);
  const missing = inspect.fields.filter((f) => f.required && !used.has(f.key) && !(regionOptional && f.key === 'region'));
  const fieldOptions = [
    { value: IGNORE, label: t('import.ignore') },
    ...inspect.fields.map((f) => ({ value: f.key, label: `${fieldLabel(f.key, f.label)}${f.required ? ' *' : ''}` })),
  ];

  const apply = (id: number) => {
    const m = saved.data?.find((x) => x.id === id);
    if (!m) return;
    onAssign(fromMapping(m.mapping, inspect.columns, assign));
    message.success(t('import.mappingApplied', { name: m.name }));
  };

  const doSave = () => {
    const n = name.trim();
    if (!n) return;
    save.mutate(
      { name: n, mapping: toMapping(assign, inspect.columns) },
      {
        onSuccess: () => {
          message.success(t('import.mappingSaved'));
          setSaveOpen(false);
          setName('');
        },
        onError: (e) => message.error(errorText(e, lang)),
      },
    );
  };

  return (
    <div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="bottom">
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t('import.sheet')}</Typography.Text>
          <Select
            style={{ width: '100%' }}
            value={inspect.sheet}
            options={inspect.sheets.map((s) => ({ value: s, label: s }))}
            onChange={(sheet: string) => onReinspect({ sheet })}
            loading={reinspecting}
            data-testid="import-sheet"
          />
        </Col>
        <Col xs={24} md={6}>
          <Typography.Text type="secondary">{t('import.headerRow')}</Typography.Text>
          <Flex gap={4}>
            <InputNumber min={1} max={50} precision={0} value={headerRow} onChange={(v) => v && setHeaderRow(v)} style={{ width: 90 }} />
            <Button onClick={() => onReinspect({ sheet: inspect.sheet, headerRow })} loading={reinspecting} disabled={headerRow === inspect.headerRow}>
              {t('import.reinspect')}
            </Button>
          </Flex>
        </Col>
        <Col xs={24} md={10}>
          <Typography.Text type="secondary">{t('import.savedMappings')}</Typography.Text>
          <Flex gap={8}>
            <Select<number>
              style={{ flex: 1, minWidth: 0 }}
              placeholder={t('import.applyMapping')}
              loading={saved.isPending}
              options={(saved.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              onChange={apply}
              value={null}
              data-testid="import-mapping-select"
            />
            <Button icon={<SaveOutlined />} onClick={() => setSaveOpen(true)} data-testid="import-mapping-save">
              {t('import.saveMapping')}
            </Button>
          </Flex>
        </Col>
      </Row>
      {missing.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.requiredMissing', { fields: missing.map((f) => fieldLabel(f.key, f.label)).join(lang === 'en' ? ', ' : '、') })}
        />
      ) : null}
      <Table<InspectColumn>
        data-testid="import-mapping"
        rowKey="letter"
        size="small"
        pagination={false}
        scroll={{ x: 640, y: 420 }}
        dataSource={inspect.columns}
        columns={[
          { key: 'letter', dataIndex: 'letter', title: t('import.col.letter'), width: 60 },
          { key: 'header', dataIndex: 'header', title: t('import.col.header'), width: 220, ellipsis: true },
          {
            key: 'sample',
            title: t('import.col.sample'),
            ellipsis: true,
            render: (_: unknown, c: InspectColumn) => <Typography.Text type="secondary">{c.sample.filter(Boolean).slice(0, 3).join(' / ')}</Typography.Text>,
          },
          {
            key: 'field',
            title: t('import.col.field'),
            width: 240,
            render: (_: unknown, c: InspectColumn) => {
              const value = assign[c.letter] ?? IGNORE;
              const dup = value !== IGNORE && (used.get(value) ?? 0) > 1;
              return (
                <Select
                  style={{ width: '100%' }}
                  status={dup ? 'warning' : undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={value}
                  options={fieldOptions}
                  onChange={(f: string) => onAssign({ ...assign, [c.letter]: f })}
                  data-testid={`import-field-${c.letter}`}
                />
              );
            },
          },
        ]}
      />
      <Modal
        open={saveOpen}
        title={t('import.saveMapping')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        okButtonProps={{ disabled: !name.trim() }}
        onCancel={() => setSaveOpen(false)}
        onOk={doSave}
      >
        <Typography.Text>{t('import.mappingName')}</Typography.Text>
        <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus onPressEnter={doSave} />
      </Modal>
    </div>
  );
}
