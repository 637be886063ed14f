import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { IndicatorImportResult } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { importFieldName } from './importFields';

type Row = IndicatorImportResult['errors'][number];
type Change = IndicatorImportResult['changes'][number];

/**
 * An .xlsx import in two steps: the file is sent as a dry run and its result shown — the
 * recognised columns, every error by row, every change before → after — and nothing is written
 * until 确认导入, which is offered only when the dry run found no error.
 */
export function ImportButton({ label, run, onDone, testId, disabled }: { label: string; run: (file: File, dryRun: boolean) => Promise<IndicatorImportResult>; onDone: (r: IndicatorImportResult) => void; testId: string; disabled?: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ file: File; result: IndicatorImportResult } | null>(null);
  const dry = async (file: File) => {
    setBusy(true);
    try {
      setPreview({ file, result: await run(file, true) });
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await run(preview.file, false);
      if (r.errors.length) setPreview({ file: preview.file, result: r });
      else {
        message.success(t('ind.import.done', { n: r.written }));
        setPreview(null);
        onDone(r);
      }
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Upload accept=".xlsx,.xls,.et,.csv" showUploadList={false} disabled={disabled} beforeUpload={(f) => (void dry(f), false)}>
        <Button icon={<UploadOutlined />} loading={busy && !preview} disabled={disabled} data-testid={testId}>
          {label}
        </Button>
      </Upload>
      <Modal
        open={!!preview}
        width={860}
        title={t('ind.import.previewTitle', { name: preview?.file.name ?? '' })}
        onCancel={() => setPreview(null)}
        footer={
          <Flex justify="end" gap={8}>
            <Button onClick={() => setPreview(null)}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!preview || preview.result.errors.length > 0} loading={busy} onClick={() => void confirm()} data-testid="import-confirm">
              {t('ind.import.confirm', { n: preview?.result.written ?? 0 })}
            </Button>
          </Flex>
        }
        destroyOnHidden
      >
        {preview ? <ImportResultView r={preview.result} /> : null}
      </Modal>
    </>
  );
}

/** What a dry run found: counts, errors by row, changes, recognised columns. */
export function ImportResultView({ r }: { r: IndicatorImportResult }) {
  const { t, lang } = useI18n();
  const matched = r.rows.filter((x) => x.unitId).length;
  return (
    <Flex vertical gap={12} data-testid="import-preview">
      {r.errors.length ? (
        <Alert type="error" showIcon message={t('ind.import.hasErrors', { n: r.errors.length })} data-testid="import-errors-alert" />
      ) : (
        <Alert type="success" showIcon message={t('ind.import.clean', { rows: matched, n: r.written })} />
      )}
      <Tabs
        size="small"
        items={[
          {
            key: 'errors',
            label: `${t('ind.import.errors')} ${r.errors.length}`,
            children: (
              <Table<Row>
                size="small"
                rowKey={(e, i) => `${e.row}-${e.column ?? ''}-${i}`}
                pagination={false}
                scroll={{ y: 320 }}
                dataSource={r.errors}
                data-testid="import-errors"
                columns={[
                  { title: t('ind.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('ind.import.column'), dataIndex: 'column', width: 160, render: (v: string | null) => v ?? '—' },
                  { title: t('ind.import.reason'), dataIndex: 'message' },
                ]}
              />
            ),
          },
          {
            key: 'changes',
            label: `${t('ind.import.changes')} ${r.changes.length}`,
            children: (
              <Table<Change>
                size="small"
                rowKey={(c, i) => `${c.row}-${c.field}-${i}`}
                pagination={false}
                scroll={{ y: 320 }}
                dataSource={r.changes}
                columns={[
                  { title: t('ind.import.row'), dataIndex: 'row', width: 60 },
                  { title: t('ind.col.unitName'), dataIndex: 'unitName', width: 140 },
                  { title: t('ind.col.indicator'), dataIndex: 'indicatorName', width: 160 },
                  { title: t('ind.import.field'), dataIndex: 'field', width: 120, render: (f: string) => importFieldName(f, lang) },
                  {
                    title: t('ind.import.beforeAfter'),
                    render: (_: unknown, c) => (
                      <span>
                        <Typography.Text type="secondary">{c.before ?? '—'}</Typography.Text> → <b>{c.after ?? '—'}</b>
                      </span>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'columns',
            label: t('ind.import.columns'),
            children: (
              <Flex wrap gap={6}>
                {r.columns.map((c) => (
                  <Tag key={c.column} color={c.indicatorId || c.field === 'unit' ? 'blue' : undefined}>
                    {c.header} → {c.indicatorName ? `${c.indicatorName} · ${importFieldName(c.field, lang)}` : importFieldName(c.field, lang)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
