import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Spin, Tag, Typography } from 'antd';
import { CameraOutlined, LeftOutlined, PaperClipOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { OwedItem, ValueRecord } from '@tiaodu/contracts';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../components/format';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { Evidence } from '../components/Evidence';
import { ValueStatusTag } from '../components/IndicatorPickers';
import { ValueHistory } from '../components/ValueHistory';
import { parseDecimalInput, periodName, plainFigure } from '../components/figures';

const MAX_FILE = 20 * 1024 * 1024;
const FILE_TYPES = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx,image/jpeg,image/png,application/pdf';
const itemKey = (o: Pick<OwedItem, 'periodId' | 'indicatorId'>) => `${o.periodId}-${o.indicatorId}`;
/** What the unit may still change: not while it waits for review. */
const editableStatus = (s: string) => s !== 'submitted';

/** 数据填报: what the user's unit owes (待填报), and the form of one figure — on a desktop or a phone. */
export function FillPage() {
  const { t, lang } = useI18n();
  const [sp, update] = useUrlParams();
  const owed = useQuery({ queryKey: indicatorKeys.owed, queryFn: indicatorsApi.owed });
  const key = sp.get('item');
  const item = owed.data?.find((o) => itemKey(o) === key);
  const setItem = (k: string | null) =>
    update((cur) => {
      if (k) cur.set('item', k);
      else cur.delete('item');
      return cur;
    });

  if (key) {
    return (
      <div>
        <Button type="link" icon={<LeftOutlined />} onClick={() => setItem(null)} style={{ paddingLeft: 0 }} data-testid="fill-back">
          {t('ind.fill.back')}
        </Button>
        {item ? <FillForm item={item} /> : owed.isLoading ? <Spin /> : <Empty description={t('ind.fill.gone')} />}
      </div>
    );
  }
  const items = owed.data ?? [];
  const todo = items.filter((o) => o.status === 'missing' || o.status === 'draft' || o.status === 'returned').length;
  return (
    <div>
      <PageHeader title={t('ind.fill.title')} sub={t('ind.fill.sub', { n: todo })} />
      {owed.isError ? <Alert type="error" message={errorText(owed.error, lang)} /> : null}
      <List
        loading={owed.isLoading}
        dataSource={items}
        data-testid="owed-list"
        locale={{ emptyText: <Empty description={t('ind.fill.none')} /> }}
        renderItem={(o) => (
          <Card size="small" hoverable style={{ marginBottom: 8, cursor: 'pointer' }} onClick={() => setItem(itemKey(o))} data-testid={`owed-${itemKey(o)}`} data-indicator={o.indicatorName}>
            <Flex justify="space-between" align="start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                  {o.indicatorName}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {periodName(o.period, lang)} · {t('ind.fill.deadline', { d: formatDate(o.deadline, lang) })}
                  </Typography.Text>
                </div>
              </div>
              <ValueStatusTag status={o.status} late={o.late} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('ind.fill.valueTarget', { v: o.value == null ? '—' : `${plainFigure(o.value)}${o.unit}`, target: o.target == null ? '—' : `${plainFigure(o.target)}${o.unit}` })}
            </Typography.Text>
            {o.status === 'returned' && o.returnReason ? (
              <div>
                <Typography.Text type="danger">{t('ind.fill.returnedBecause', { r: o.returnReason })}</Typography.Text>
              </div>
            ) : null}
          </Card>
        )}
      />
    </div>
  );
}

/** The form of one owed figure: value, note, photos and files; save a draft or submit; corrections after acceptance. */
function FillForm({ item }: { item: OwedItem }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ value: string; note: string }>();
  const [valueId, setValueId] = useState<number | null>(item.valueId);
  const record = useQuery({ queryKey: indicatorKeys.value(valueId ?? 0), queryFn: () => indicatorsApi.value(valueId!), enabled: !!valueId });
  const r = record.data;
  const [files, setFiles] = useState<File[]>([]);
  const photoInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const status = r?.status ?? item.status;
  const editable = editableStatus(status);
  useEffect(() => setValueId(item.valueId), [item.valueId]);
  useEffect(() => {
    form.setFieldsValue({ value: r?.valueText ?? (item.value == null ? '' : String(item.value)), note: r?.note ?? '' });
  }, [r, item.value, form]);

  const refresh = (rec: ValueRecord) => {
    qc.setQueryData(indicatorKeys.value(rec.id), rec);
    setValueId(rec.id);
    void qc.invalidateQueries({ queryKey: indicatorKeys.owed });
    void qc.invalidateQueries({ queryKey: indicatorKeys.periods });
  };
  const addFiles = (list: FileList | null) => {
    const picked = Array.from(list ?? []);
    const big = picked.filter((f) => f.size > MAX_FILE);
    if (big.length) message.error(t('ind.fill.tooBig', { names: big.map((f) => f.name).join('、') }));
    setFiles((cur) => [...cur, ...picked.filter((f) => f.size <= MAX_FILE)]);
  };
  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const v = await form.validateFields();
      const parsed = parseDecimalInput(v.value);
      const body = { indicatorId: item.indicatorId, period: item.period, value: parsed.ok && parsed.value !== null ? parsed.value : v.value, note: v.note?.trim() ? v.note.trim() : null };
      let id = valueId;
      let rec!: ValueRecord; // set by the report or, for a draft just created, by the upload
      const upload = async () => {
        rec = await indicatorsApi.uploadFiles(id!, files);
        setFiles([]);
      };
      if (status === 'accepted') {
        // a correction after acceptance is a new revision: submitted first, its evidence added to it
        rec = await indicatorsApi.report({ ...body, submit });
        id = rec.id;
        if (files.length) await upload();
      } else if (files.length) {
        // evidence belongs to a record: a first report is kept as a draft, the files added, then saved or submitted
        const created = !id;
        if (!id) id = (await indicatorsApi.report({ ...body, submit: false })).id;
        await upload();
        // a draft just created holds the figure already; anything else is saved or submitted now
        if (submit || !created) rec = await indicatorsApi.report({ ...body, submit });
      } else rec = await indicatorsApi.report({ ...body, submit });
      return { rec, submit };
    },
    onSuccess: ({ rec, submit }) => {
      refresh(rec);
      message.success(submit ? t('ind.fill.submitted') : t('ind.fill.draftSaved'));
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });
  const delFile = useMutation({
    mutationFn: (fileId: number) => indicatorsApi.deleteFile(valueId!, fileId),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e, lang)),
  });

  const unitSuffix = item.unit || undefined;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }} data-testid="fill-form">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {item.indicatorName} · {periodName(item.period, lang)}
        </Typography.Title>
        <ValueStatusTag status={status} late={r?.late ?? item.late} testId="fill-status" />
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered>
        <Descriptions.Item label={t('ind.fill.unitName')}>{item.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('ind.fill.deadlineLabel')}>{formatDate(item.deadline, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('ind.fill.target')}>{item.target == null ? '—' : `${plainFigure(item.target)}${item.unit}`}</Descriptions.Item>
      </Descriptions>
      {status === 'returned' && (r?.returnReason ?? item.returnReason) ? (
        <Alert type="error" showIcon message={t('ind.fill.returned')} description={r?.returnReason ?? item.returnReason} data-testid="fill-return-reason" />
      ) : null}
      {status === 'submitted' ? <Alert type="info" showIcon message={t('ind.fill.waiting')} /> : null}
      {status === 'accepted' ? <Alert type="success" showIcon message={t('ind.fill.acceptedCorrect')} data-testid="fill-correction-hint" /> : null}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Form.Item
          name="value"
          label={t('ind.fill.value')}
          rules={[
            {
              validator: (_, v: string) => {
                const p = parseDecimalInput(v);
                if (!p.ok) return Promise.reject(new Error(p.error === 'decimalComma' ? t('ind.fill.decimalComma') : t('ind.fill.notNumber')));
                if (p.value === null) return Promise.reject(new Error(t('ind.fill.valueRequired')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input inputMode="decimal" suffix={unitSuffix} data-testid="fill-value" autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={t('ind.fill.note')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="fill-note" />
        </Form.Item>
        <Form.Item label={t('ind.fill.evidence')} extra={editable ? t('ind.fill.evidenceHelp') : undefined}>
          <Flex vertical gap={8}>
            {r ? <Evidence files={r.files} onDelete={editable && status !== 'accepted' ? (id) => delFile.mutate(id) : undefined} /> : null}
            {files.length ? (
              <Flex wrap gap={4} data-testid="fill-pending-files">
                {files.map((f, i) => (
                  <Tag key={`${f.name}-${i}`} closable onClose={() => setFiles((cur) => cur.filter((_, j) => j !== i))} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {f.name}
                  </Tag>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ind.fill.pendingFiles', { n: files.length })}
                </Typography.Text>
              </Flex>
            ) : null}
            {editable ? (
              <Flex wrap gap={8}>
                <Button icon={<CameraOutlined />} onClick={() => photoInput.current?.click()} data-testid="fill-photo-button">
                  {t('ind.fill.takePhoto')}
                </Button>
                <input ref={photoInput} data-testid="fill-photo" type="file" accept="image/*" capture="environment" multiple style={{ display: 'none' }} onChange={(e) => (addFiles(e.target.files), (e.target.value = ''))} />
                <Button icon={<PaperClipOutlined />} onClick={() => fileInput.current?.click()} data-testid="fill-file-button">
                  {t('ind.fill.chooseFile')}
                </Button>
                <input ref={fileInput} data-testid="fill-file" type="file" accept={FILE_TYPES} multiple style={{ display: 'none' }} onChange={(e) => (addFiles(e.target.files), (e.target.value = ''))} />
              </Flex>
            ) : null}
          </Flex>
        </Form.Item>
      </Form>
      {editable ? (
        <Flex gap={8} wrap>
          {status !== 'accepted' ? (
            <Button data-testid="fill-save" icon={<SaveOutlined />} loading={save.isPending && save.variables === false} onClick={() => save.mutate(false)}>
              {t('ind.fill.saveDraft')}
            </Button>
          ) : null}
          <Button data-testid="fill-submit" type="primary" icon={<SendOutlined />} loading={save.isPending && save.variables === true} onClick={() => save.mutate(true)}>
            {status === 'accepted' ? t('ind.fill.submitCorrection') : t('ind.fill.submit')}
          </Button>
        </Flex>
      ) : null}
      {r ? <ValueHistory record={r} /> : null}
    </Flex>
  );
}
