import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Flex, Form, Image, Input, List, Modal, Popconfirm, Select, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { CameraOutlined, CheckCircleOutlined, DeleteOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { NOMINATION_CATEGORIES, type Nomination, type NominationCategory, type ProjectList, type TourDetail, type TourResultRow, type TourRegionRow } from '@tiaodu/contracts';
import { api } from '../../../api/client';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n';
import { useCan, useCurrentUser } from '../../auth/hooks/useAuth';
import { useRegionTree } from '../../org/hooks/useLookups';
import { photoUrl, tourKeys, toursApi } from '../api/tours';
import { categoryLabel, methodLabel, roundLabel, TourStatusTag } from '../components/labels';

const PHOTO_TYPES = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp';

/** One tour: its facts, the nominated projects with checklist and photos side by side, the itinerary, the panel, the results. */
export function TourPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const tour = useQuery({ queryKey: tourKeys.one(id), queryFn: () => toursApi.get(id) });
  if (tour.isLoading) return <Spin />;
  if (tour.isError || !tour.data) return <Alert type="error" message={errorText(tour.error, lang)} />;
  const d = tour.data;
  return (
    <div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="tour-name">{d.name}</span>
            <TourStatusTag status={d.status} lang={lang} />
          </Space>
        }
        sub={`${d.date}${d.endDate !== d.date ? ` ~ ${d.endDate}` : ''} · ${d.level} · ${roundLabel(d.round, lang)} · ${d.organiser}`}
        extra={<TourActions tour={d} />}
      />
      {d.scoringNote && d.abilities.judge ? <Alert type="info" showIcon message={d.scoringNote} style={{ marginBottom: 12 }} /> : null}
      <Tabs
        defaultActiveKey={d.status === 'closed' ? 'results' : 'nominations'}
        items={[
          { key: 'nominations', label: t('tour.tab.nominations', { n: d.nominations.length }), children: <Nominations tour={d} /> },
          { key: 'info', label: t('tour.tab.info'), children: <TourInfo tour={d} /> },
          { key: 'results', label: t('tour.tab.results'), children: <Results tour={d} /> },
        ]}
      />
    </div>
  );
}

function TourActions({ tour }: { tour: TourDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const status = useMutation({
    mutationFn: (s: TourDetail['status']) => toursApi.update(tour.id, { status: s }),
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: tourKeys.all });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  return (
    <>
      {tour.abilities.judge && tour.status === 'open' ? (
        <Link to={`/tours/${tour.id}/score`}>
          <Button type="primary" icon={<EditOutlined />} data-testid="tour-go-score">
            {t('tour.goScore')}
          </Button>
        </Link>
      ) : null}
      {tour.abilities.manage && tour.status === 'draft' ? (
        <Popconfirm title={t('tour.openConfirm')} onConfirm={() => status.mutate('open')}>
          <Button type="primary" icon={<CheckCircleOutlined />} loading={status.isPending} data-testid="tour-open-scoring">
            {t('tour.openScoring')}
          </Button>
        </Popconfirm>
      ) : null}
      {tour.abilities.manage && tour.status === 'open' ? (
        <Popconfirm title={t('tour.closeConfirm')} onConfirm={() => status.mutate('closed')}>
          <Button icon={<StopOutlined />} loading={status.isPending} data-testid="tour-close">
            {t('tour.close')}
          </Button>
        </Popconfirm>
      ) : null}
      {tour.abilities.manage && tour.status === 'closed' ? (
        <Button onClick={() => status.mutate('open')} loading={status.isPending} data-testid="tour-reopen">
          {t('tour.reopen')}
        </Button>
      ) : null}
    </>
  );
}

function TourInfo({ tour }: { tour: TourDetail }) {
  const { t, lang } = useI18n();
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('tour.method')}>{methodLabel(tour.method, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('tour.endDate')}>{tour.endDate}</Descriptions.Item>
        <Descriptions.Item label={t('tour.criteria', { n: tour.criteriaMax })} span={2}>
          {tour.criteria.map((c) => (
            <Tag key={c.key}>
              {c.name} {c.max}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('tour.checklist')} span={2}>
          {tour.checklist.map((c) => (
            <Tag key={c.key}>{c.name}</Tag>
          ))}
        </Descriptions.Item>
        {tour.note ? (
          <Descriptions.Item label={t('tour.note')} span={2}>
            {tour.note}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Card size="small" title={t('tour.judges')} data-testid="tour-judge-list">
        {tour.judges.length ? (
          <Space wrap>
            {tour.judges.map((j) => (
              <Tag key={j.userId} color="blue">
                {j.name}
                {j.title ? ` · ${j.title}` : ''}
                {j.organisation ? ` · ${j.organisation}` : ''}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('tour.noJudges')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('tour.itinerary')}>
        {tour.itinerary.length ? (
          <Timeline items={tour.itinerary.map((s, i) => ({ key: i, children: `${s.time} ${s.label}` }))} />
        ) : (
          <Typography.Text type="secondary">{t('tour.noItinerary')}</Typography.Text>
        )}
        {tour.abilities.manage && tour.status !== 'closed' ? <ItineraryEditor tour={tour} /> : null}
      </Card>
    </Flex>
  );
}

/** The itinerary in one go: a stop per line, `08:30 集合` or a nominated project picked by name. */
function ItineraryEditor({ tour }: { tour: TourDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ stops: Array<{ time: string; nominationId?: number | null; stop?: string | null }> }>();
  const save = useMutation({
    mutationFn: (stops: Array<{ time: string; nominationId?: number | null; stop?: string | null }>) => toursApi.update(tour.id, { itinerary: stops.map((s) => ({ time: s.time ?? '', nominationId: s.nominationId ?? null, stop: s.nominationId ? null : (s.stop ?? null) })) }),
    onSuccess: () => {
      message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: tourKeys.all });
      setOpen(false);
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });
  return (
    <>
      <Button icon={<EditOutlined />} size="small" onClick={() => setOpen(true)}>
        {t('tour.editItinerary')}
      </Button>
      <Modal open={open} title={t('tour.itinerary')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden width={640}>
        <Form form={form} initialValues={{ stops: tour.itinerary }} onFinish={(v) => save.mutate(v.stops ?? [])}>
          <Form.List name="stops">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8}>
                    <Form.Item name={[f.name, 'time']} style={{ width: 90 }}>
                      <Input placeholder="08:30" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'nominationId']} style={{ flex: 1 }}>
                      <Select allowClear placeholder={t('tour.stopProject')} options={tour.nominations.map((n) => ({ value: n.id, label: n.name }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'stop']} style={{ flex: 1 }}>
                      <Input placeholder={t('tour.stopText')} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ time: '', nominationId: null, stop: '' })}>
                  {t('tour.addStop')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

function Nominations({ tour }: { tour: TourDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  return (
    <div>
      {can('tour:nominate') && tour.status === 'draft' ? (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }} data-testid="nomination-new">
          {t('tour.nominate')}
        </Button>
      ) : null}
      {tour.nominations.length === 0 ? <Empty description={t('tour.noNominations')} /> : null}
      <Flex vertical gap={12}>
        {tour.nominations.map((n) => (
          <NominationCard key={n.id} tour={tour} n={n} />
        ))}
      </Flex>
      {adding ? <NominationForm tour={tour} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

function NominationCard({ tour, n }: { tour: TourDetail; n: Nomination }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const done = () => void qc.invalidateQueries({ queryKey: tourKeys.one(tour.id) });
  const fail = (e: unknown) => message.error(errorText(e, lang));
  const tick = useMutation({ mutationFn: (checklist: Record<string, boolean>) => toursApi.updateNomination(tour.id, n.id, { checklist }), onSuccess: done, onError: fail });
  const upload = useMutation({ mutationFn: (files: File[]) => toursApi.uploadPhotos(tour.id, n.id, files), onSuccess: done, onError: fail });
  const delPhoto = useMutation({ mutationFn: (pid: number) => toursApi.deletePhoto(tour.id, n.id, pid), onSuccess: done, onError: fail });
  const remove = useMutation({ mutationFn: () => toursApi.removeNomination(tour.id, n.id), onSuccess: () => void qc.invalidateQueries({ queryKey: tourKeys.all }), onError: fail });
  return (
    <Card
      size="small"
      data-testid={`nomination-${n.id}`}
      title={
        <Space wrap>
          <span>{n.name}</span>
          <Tag>{categoryLabel(n.category, lang)}</Tag>
          <Typography.Text type="secondary">{n.regionName}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {n.ready ? <Tag color="success">{t('tour.ready')}</Tag> : <Tag color="warning">{t('tour.notReady')}</Tag>}
          {n.canEdit && tour.status === 'draft' ? (
            <Popconfirm title={t('common.deleteConfirm', { name: n.name })} onConfirm={() => remove.mutate()}>
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          ) : null}
        </Space>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 8 }}>
        {tour.checklist.map((c) => (
          <Checkbox key={c.key} checked={n.checklist[c.key] === true} disabled={!n.canEdit || tick.isPending} onChange={(e) => tick.mutate({ [c.key]: e.target.checked })}>
            {c.name}
          </Checkbox>
        ))}
      </Flex>
      <Image.PreviewGroup>
        <Flex gap={8} wrap data-testid={`nomination-photos-${n.id}`}>
          {n.photos.map((p) => (
            <div key={p.id} style={{ position: 'relative' }}>
              <Image src={photoUrl(tour.id, n.id, p.id)} alt={p.name} width={160} height={120} style={{ objectFit: 'cover', borderRadius: 4 }} />
              {n.canEdit ? <Button size="small" icon={<DeleteOutlined />} onClick={() => delPhoto.mutate(p.id)} style={{ position: 'absolute', top: 4, right: 4 }} aria-label={t('common.delete')} /> : null}
            </div>
          ))}
          {n.canEdit ? (
            <>
              <input ref={fileRef} type="file" accept={PHOTO_TYPES} multiple hidden data-testid={`nomination-photo-input-${n.id}`} onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length) upload.mutate(files);
              }} />
              <Button icon={<CameraOutlined />} loading={upload.isPending} onClick={() => fileRef.current?.click()} style={{ width: 160, height: 120 }}>
                {t('tour.addPhoto')}
              </Button>
            </>
          ) : null}
        </Flex>
      </Image.PreviewGroup>
      {n.note ? <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{n.note}</Typography.Paragraph> : null}
    </Card>
  );
}

/** Nominate: the region (within the user's scope), a ledger project of it or a name, the category. */
function NominationForm({ tour, onClose }: { tour: TourDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useCurrentUser();
  const regions = useRegionTree();
  const [form] = Form.useForm<{ regionCode: string; projectId?: number | null; name?: string; category: NominationCategory }>();
  const regionCode = Form.useWatch('regionCode', form);
  const projects = useQuery({ queryKey: ['tours', 'projects', regionCode], queryFn: () => api<ProjectList>('/api/projects', { query: { regionCode, pageSize: 200 } }), enabled: Boolean(regionCode) });
  const mine = (regions.data ?? []).filter((r) => r.level !== 'province' && r.level !== 'city' && (!me.regionCode || me.scopeType !== 'region' || r.code.startsWith(prefix(me.regionCode))));
  const save = useMutation({
    mutationFn: (v: { regionCode: string; projectId?: number | null; name?: string; category: NominationCategory }) => toursApi.nominate(tour.id, { ...v, projectId: v.projectId ?? null, name: v.name || undefined }),
    onSuccess: () => {
      message.success(t('common.created'));
      void qc.invalidateQueries({ queryKey: tourKeys.all });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });
  return (
    <Modal open title={t('tour.nominate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'nomination-save' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ category: 'industry' }} onFinish={(v) => save.mutate(v)} data-testid="nomination-form">
        <Form.Item name="regionCode" label={t('tour.region')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch optionFilterProp="label" data-testid="nomination-region" options={mine.map((r) => ({ value: r.code, label: r.name }))} onChange={() => form.setFieldValue('projectId', null)} />
        </Form.Item>
        <Form.Item name="projectId" label={t('tour.project')} extra={t('tour.projectHint')}>
          <Select allowClear showSearch optionFilterProp="label" data-testid="nomination-project" loading={projects.isLoading} options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('tour.projectName')}>
          <Input maxLength={200} data-testid="nomination-name" />
        </Form.Item>
        <Form.Item name="category" label={t('tour.category')}>
          <Select options={NOMINATION_CATEGORIES.map((c) => ({ value: c.value, label: c[lang] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const prefix = (code: string) => (code.length > 6 ? code : code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);

function Results({ tour }: { tour: TourDetail }) {
  const { t, lang } = useI18n();
  const res = useQuery({ queryKey: tourKeys.results(tour.id), queryFn: () => toursApi.results(tour.id) });
  if (res.isLoading) return <Spin />;
  if (res.isError || !res.data) return <Alert type="error" message={errorText(res.error, lang)} />;
  const r = res.data;
  if (!r.visible) return <Empty description={t('tour.resultsLater')} />;
  const rubric = r.method !== 'borda';
  return (
    <Flex vertical gap={16} data-testid="tour-results">
      {tour.status !== 'closed' ? <Alert type="warning" showIcon message={t('tour.resultsProvisional')} /> : null}
      <Table<TourResultRow>
        rowKey="nominationId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => <Typography.Text strong>{t('tour.projectRanks')}</Typography.Text>}
        dataSource={r.nominations}
        onRow={(row) => ({ 'data-testid': `result-row-${row.nominationId}`, 'data-rank': row.rank ?? '' }) as object}
        columns={[
          { title: t('tour.rank'), dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? '—' },
          { title: t('tour.projectName'), dataIndex: 'name' },
          { title: t('tour.region'), dataIndex: 'regionName' },
          { title: t('tour.category'), dataIndex: 'category', render: (v: NominationCategory) => categoryLabel(v, lang) },
          { title: t('tour.judgeCount'), dataIndex: 'judges', align: 'right', width: 80 },
          ...(rubric
            ? [
                { title: t('tour.mean'), dataIndex: 'mean', align: 'right' as const, render: (v: number | null) => v?.toFixed(2) ?? '—' },
                { title: t('tour.trimmedMean'), dataIndex: 'trimmedMean', align: 'right' as const, render: (v: number | null, row: TourResultRow) => (v === null ? '—' : `${v.toFixed(2)}${row.trimmed ? '' : '*'}`) },
              ]
            : [{ title: t('tour.borda'), dataIndex: 'borda', align: 'right' as const, render: (v: number | null) => v?.toFixed(2) ?? '—' }]),
          { title: t('tour.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => <Typography.Text strong>{v?.toFixed(2) ?? '—'}</Typography.Text> },
          { title: t('tour.score100'), dataIndex: 'score100', align: 'right', render: (v: number | null) => v?.toFixed(2) ?? '—' },
          { title: t('tour.remark'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
      />
      <Table<TourRegionRow>
        rowKey="regionCode"
        size="small"
        pagination={false}
        title={() => <Typography.Text strong>{t('tour.regionRanks')}</Typography.Text>}
        dataSource={r.regions}
        onRow={(row) => ({ 'data-testid': `region-row-${row.regionCode}`, 'data-rank': row.rank ?? '' }) as object}
        columns={[
          { title: t('tour.rank'), dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? '—' },
          { title: t('tour.region'), dataIndex: 'regionName' },
          { title: t('tour.nominations'), dataIndex: 'nominations', align: 'right' },
          { title: t('tour.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => v?.toFixed(2) ?? '—' },
          { title: t('tour.score100'), dataIndex: 'score100', align: 'right', render: (v: number | null) => v?.toFixed(2) ?? '—' },
        ]}
      />
      <List size="small" dataSource={r.notes} renderItem={(n) => <List.Item>{n}</List.Item>} />
    </Flex>
  );
}
