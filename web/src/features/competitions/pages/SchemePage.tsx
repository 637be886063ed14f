import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { COMPETITION_CADENCES, COMPETITION_RULE_KINDS, type Competition, type CompetitionPreset, type CompetitionRuleKind, type FieldIssue } from '@tiaodu/contracts';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n';
import { lastEndedPeriod, todayInChina } from '../../indicators/components/figures';
import { useIndicators } from '../../indicators/hooks/useIndicators';
import { competitionKeys, competitionsApi } from '../api/competitions';
import { IssueList, PreviewPanel } from '../components/PreviewPanel';
import { RuleFields } from '../components/RuleFields';
import { byPeriod, contestantKey, defaultPeriod } from '../components/periods';
import { blankScheme, fieldOf, fromForm, newKey, readsIndicator, ruleDefaults, toForm, type SchemeForm } from '../components/schemeForm';
import { useCompetition, useUnitOptions } from '../hooks/useCompetitions';

interface EditorValues {
  name: string;
  year: number;
  cadence: 'month' | 'quarter';
  description: string | null;
  public: boolean;
  note: string | null;
  scheme: SchemeForm;
}

const FLAG_PERIODS = ['month', 'quarter', 'halfYear', 'year'] as const;

/** The preset cards of a new competition (and the blank one). */
function PresetPicker({ onPick }: { onPick: (p: CompetitionPreset | null) => void }) {
  const { t, lang, label } = useI18n();
  const presets = useQuery({ queryKey: competitionKeys.presets, queryFn: competitionsApi.presets });
  if (presets.isPending) return <Skeleton active />;
  return (
    <div>
      {presets.error ? <Alert type="error" message={errorText(presets.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">{t('comp.preset.sub')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {(presets.data ?? []).map((p) => (
          <Col key={p.key} xs={24} md={12} xl={8}>
            <Card
              size="small"
              hoverable
              data-testid={`preset-${p.key}`}
              title={p.name}
              extra={<Tag>{p.place}</Tag>}
              actions={[
                <Button key="use" type="link" onClick={() => onPick(p)} data-testid={`preset-use-${p.key}`}>
                  {t('comp.preset.use')}
                </Button>,
              ]}
              style={{ height: '100%' }}
            >
              <Typography.Paragraph ellipsis={{ rows: 3, tooltip: p.description }} style={{ marginBottom: 8 }}>
                {p.description}
              </Typography.Paragraph>
              <Space size={4} wrap>
                <Tag color="blue">{label(COMPETITION_CADENCES, p.cadence)}</Tag>
                <Tag>{t('comp.preset.size', { s: p.scheme.sequences.length, i: p.scheme.items.length })}</Tag>
                {p.gaps.length ? <Tag color="warning">{t('comp.preset.gaps', { n: p.gaps.length })}</Tag> : null}
              </Space>
            </Card>
          </Col>
        ))}
        <Col xs={24} md={12} xl={8}>
          <Card
            size="small"
            hoverable
            data-testid="preset-blank"
            title={t('comp.preset.blank')}
            actions={[
              <Button key="use" type="link" onClick={() => onPick(null)} data-testid="preset-use-blank">
                {t('comp.preset.useBlank')}
              </Button>,
            ]}
            style={{ height: '100%' }}
          >
            <Typography.Paragraph type="secondary">{t('comp.preset.blankHelp')}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** The names of the editor's fields (to land the server's issues on them). */
function fieldNames(form: ReturnType<typeof Form.useForm<EditorValues>>[0]): Set<string> {
  return new Set(form.getFieldsError().map((f) => f.name.join('.')));
}

/** 方案编辑: a competition's scheme — sequences, items with their rules, flags, lists, ties and the leaderboard — with a live preview. */
function SchemeEditor({ competition, preset }: { competition: Competition | null; preset: CompetitionPreset | null }) {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const indicators = useIndicators({ status: 'active' });
  const units = useUnitOptions();
  const thisYear = Number(todayInChina().slice(0, 4));

  const initial = useMemo(() => {
    const source = competition?.scheme ?? preset?.scheme ?? null;
    const { form: scheme, names } = source ? toForm(source, competition?.names.units ?? {}) : { form: blankScheme(), names: {} as Record<string, string> };
    const values: EditorValues = {
      name: competition?.name ?? (preset ? `${thisYear}年${preset.name}` : ''),
      year: competition?.year ?? thisYear,
      cadence: competition?.cadence ?? preset?.cadence ?? 'month',
      description: competition?.description ?? preset?.description ?? null,
      public: competition?.public ?? true,
      note: null,
      scheme,
    };
    return { values, names };
  }, [competition, preset, thisYear]);

  // every unit's name: the units lists, then what the scheme itself carries
  const unitNames = useMemo(() => {
    const m: Record<string, string> = { ...initial.names };
    for (const q of units.queries) for (const u of q.data ?? []) m[contestantKey(u)] = u.unitName;
    return m;
  }, [initial.names, units.queries]);
  const unitOptions = useMemo(() => {
    const groups = units.subjects.map((s, i) => ({
      label: t(`comp.subject.${s}`),
      options: (units.queries[i]?.data ?? []).map((u) => ({ value: contestantKey(u), label: u.unitName })),
    }));
    const listed = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
    const others = Object.entries(initial.names)
      .filter(([id]) => !listed.has(id))
      .map(([id, name]) => ({ value: id, label: name }));
    return [...groups.filter((g) => g.options.length), ...(others.length ? [{ label: t('comp.subject.other'), options: others }] : [])];
  }, [units.queries, units.subjects, initial.names, t]);

  const watched = Form.useWatch((v: EditorValues) => v, { form, preserve: true }) as EditorValues | undefined;
  const ws = watched?.scheme ?? initial.values.scheme;
  const scheme = useMemo(() => fromForm(ws, unitNames), [ws, unitNames]);
  const sequenceOptions = (ws.sequences ?? []).filter(Boolean).map((s) => ({ value: s.key, label: s.name || s.key }));
  const itemOptions = (ws.items ?? []).filter(Boolean).map((i) => ({ value: i.id, label: i.name || i.id }));
  const cadence = watched?.cadence ?? initial.values.cadence;
  const year = watched?.year ?? initial.values.year;
  const previewPeriod = competition?.periods.length
    ? defaultPeriod(competition.cadence, competition.year, competition.periods.map((p) => p.period).filter((p) => /^\d{4}-(\d{2}|Q\d)$/.test(p)).sort(byPeriod))
    : year < thisYear
      ? `${year}-${cadence === 'month' ? '12' : 'Q4'}`
      : lastEndedPeriod(cadence, todayInChina());

  const save = useMutation({
    mutationFn: async (v: EditorValues) => {
      const s = fromForm(v.scheme, unitNames);
      if (competition) return competitionsApi.update(competition.id, { name: v.name, description: v.description || null, public: v.public, scheme: s, note: v.note?.trim() || null });
      return competitionsApi.create({ name: v.name, year: v.year, cadence: v.cadence, description: v.description || null, public: v.public, scheme: s, ...(preset ? { preset: preset.key } : {}) });
    },
    onSuccess: (c) => {
      setServerIssues([]);
      message.success(competition ? t('comp.saved', { name: c.name }) : t('comp.created', { name: c.name }));
      qc.setQueryData(competitionKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: competitionKeys.list });
      void qc.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
      navigate(`/competitions/${c.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) {
        setServerIssues(e.details);
        const fields = fieldNames(form);
        const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
        for (const d of e.details) {
          const name = fieldOf(d.path, fields) ?? fieldOf(d.path, fields, ['scheme']);
          if (!name) continue;
          const k = name.join('.');
          const entry = byField.get(k) ?? { name, errors: [] };
          entry.errors.push(d.message);
          byField.set(k, entry);
        }
        form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
        message.error(errorText(e, lang));
      } else message.error(errorText(e, lang));
    },
  });

  const addSequence = () => {
    const seqs = form.getFieldValue(['scheme', 'sequences']) as SchemeForm['sequences'];
    form.setFieldValue(['scheme', 'sequences'], [...seqs, { key: newKey('s', seqs.map((s) => s.key)), name: '', contestants: [] }]);
  };
  const addItem = () => {
    const items = form.getFieldValue(['scheme', 'items']) as SchemeForm['items'];
    form.setFieldValue(['scheme', 'items'], [...items, { id: newKey('i', items.map((i) => i.id)), name: '', indicatorId: null, rule: ruleDefaults('proportional'), sequences: [], note: null }]);
  };

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <Form<EditorValues> form={form} layout="vertical" initialValues={initial.values} onFinish={(v) => save.mutate(v)} data-testid="scheme-form" scrollToFirstError>
          {preset?.gaps.length ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('comp.preset.gapsTitle')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{preset.gaps.map((g) => <li key={g}>{g}</li>)}</ul>} data-testid="preset-gaps" /> : null}
          {serverIssues.length ? <Alert type="error" showIcon closable onClose={() => setServerIssues([])} style={{ marginBottom: 12 }} message={t('comp.saveRefused')} description={<IssueList issues={serverIssues} form={ws} max={20} />} data-testid="scheme-errors" /> : null}
          <Card size="small" title={t('comp.f.basic')} style={{ marginBottom: 12 }}>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="name" label={t('comp.col.name')} rules={[{ required: true, whitespace: true, message: t('comp.f.nameRequired') }]}>
                  <Input maxLength={80} data-testid="scheme-name" />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name="year" label={t('comp.col.year')} rules={[{ required: true, message: t('comp.f.yearRequired') }]}>
                  <InputNumber style={{ width: '100%' }} min={2000} max={2100} disabled={!!competition} />
                </Form.Item>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item name="cadence" label={t('comp.col.cadence')}>
                  <Select options={options(COMPETITION_CADENCES)} disabled={!!competition} />
                </Form.Item>
              </Col>
              <Col xs={24} md={18}>
                <Form.Item name="description" label={t('comp.f.description')}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="public" label={t('comp.f.public')} valuePropName="checked" tooltip={t('comp.f.publicHelp')}>
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t('comp.f.sequences')} style={{ marginBottom: 12 }} extra={<Button size="small" icon={<PlusOutlined />} onClick={addSequence} data-testid="sequence-add">{t('comp.f.addSequence')}</Button>}>
            <Form.List name={['scheme', 'sequences']}>
              {(fields, { remove }) =>
                fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start" data-testid={`sequence-${f.name}`}>
                    <Form.Item name={[f.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} label={t('comp.f.sequenceName')} rules={[{ required: true, whitespace: true, message: t('comp.f.sequenceNameRequired') }]} style={{ width: 160, flexShrink: 0 }}>
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'contestants']} label={t('comp.f.contestants')} rules={[{ required: true, type: 'array', min: 1, message: t('comp.f.contestantsRequired') }]} style={{ flex: 1, minWidth: 0 }}>
                      <Select mode="multiple" allowClear loading={units.loading} options={unitOptions} showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" placeholder={t('comp.f.contestantsHelp')} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={fields.length <= 1} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                  </Flex>
                ))
              }
            </Form.List>
          </Card>

          <Card size="small" title={t('comp.f.items')} style={{ marginBottom: 12 }} extra={<Button size="small" icon={<PlusOutlined />} onClick={addItem} data-testid="item-add">{t('comp.f.addItem')}</Button>}>
            <Form.List name={['scheme', 'items']}>
              {(fields, { remove }) =>
                fields.map((f) => {
                  const kind = ws.items?.[f.name]?.rule?.kind as CompetitionRuleKind | undefined;
                  return (
                    <Card
                      key={f.key}
                      size="small"
                      type="inner"
                      style={{ marginBottom: 8 }}
                      data-testid={`item-${f.name}`}
                      title={<span>{t('comp.f.itemN', { n: f.name + 1 })} {ws.items?.[f.name]?.name ? `· ${ws.items[f.name]!.name}` : ''}</span>}
                      extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} disabled={fields.length <= 1} onClick={() => remove(f.name)} />}
                    >
                      <Form.Item name={[f.name, 'id']} hidden>
                        <Input />
                      </Form.Item>
                      <Row gutter={12}>
                        <Col xs={24} md={8}>
                          <Form.Item name={[f.name, 'name']} label={t('comp.f.itemName')} rules={[{ required: true, whitespace: true, message: t('comp.f.itemNameRequired') }]} style={{ marginBottom: 8 }}>
                            <Input maxLength={60} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          <Form.Item name={[f.name, 'rule', 'kind']} label={t('comp.f.ruleKind')} style={{ marginBottom: 8 }}>
                            <Select
                              options={options(COMPETITION_RULE_KINDS)}
                              onChange={(k: CompetitionRuleKind) => form.setFieldValue(['scheme', 'items', f.name, 'rule'], ruleDefaults(k))}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          {readsIndicator(kind) ? (
                            <Form.Item name={[f.name, 'indicatorId']} label={t('comp.f.indicator')} rules={[{ required: true, message: t('comp.f.indicatorRequired') }]} style={{ marginBottom: 8 }}>
                              <Select loading={indicators.isPending} showSearch={{ optionFilterProp: 'label' }} options={(indicators.data ?? []).map((i) => ({ value: i.id, label: i.name }))} placeholder={t('common.pleaseSelect')} />
                            </Form.Item>
                          ) : null}
                        </Col>
                      </Row>
                      <RuleFields kind={kind} base={[f.name, 'rule']} />
                      <Row gutter={12}>
                        <Col xs={24} md={12}>
                          <Form.Item name={[f.name, 'sequences']} label={t('comp.f.appliesTo')} tooltip={t('comp.f.appliesToHelp')} style={{ marginBottom: 0 }}>
                            <Select mode="multiple" allowClear options={sequenceOptions} placeholder={t('comp.f.allSequences')} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={12}>
                          <Form.Item name={[f.name, 'note']} label={t('comp.col.note')} style={{ marginBottom: 0 }}>
                            <Input maxLength={200} />
                          </Form.Item>
                        </Col>
                      </Row>
                    </Card>
                  );
                })
              }
            </Form.List>
          </Card>

          <Card size="small" title={t('comp.f.flagsLists')} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('comp.f.flags')}</Typography.Text>
            <Space wrap size={12} align="start" style={{ display: 'flex', marginTop: 4 }}>
              <Form.Item name={['scheme', 'flags', 'period']} label={t('comp.f.flagPeriod')} style={{ marginBottom: 8 }}>
                <Select style={{ width: 120 }} options={FLAG_PERIODS.map((p) => ({ value: p, label: t(`comp.f.period.${p}`) }))} />
              </Form.Item>
              <Form.Item name={['scheme', 'flags', 'red']} label={t('comp.f.redFlags')} tooltip={t('comp.f.redFlagsHelp')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={50} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={['scheme', 'flags', 'yellow']} label={t('comp.f.yellowFlags')} tooltip={t('comp.f.yellowFlagsHelp')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={50} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={['scheme', 'flags', 'yellowStreak']} label={t('comp.f.yellowStreak')} tooltip={t('comp.f.yellowStreakHelp')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={12} style={{ width: 100 }} />
              </Form.Item>
            </Space>
            <Typography.Text strong>{t('comp.f.lists')}</Typography.Text>
            <Space wrap size={12} align="start" style={{ display: 'flex', marginTop: 4 }}>
              <Form.Item name={['scheme', 'lists', 'period']} label={t('comp.f.flagPeriod')} style={{ marginBottom: 8 }}>
                <Select style={{ width: 120 }} options={FLAG_PERIODS.map((p) => ({ value: p, label: t(`comp.f.period.${p}`) }))} />
              </Form.Item>
              <Form.Item name={['scheme', 'lists', 'red']} label={t('comp.f.redList')} tooltip={t('comp.f.redListHelp')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={50} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={['scheme', 'lists', 'black']} label={t('comp.f.blackList')} tooltip={t('comp.f.blackListHelp')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={50} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={['scheme', 'lists', 'metItems']} label={t('comp.f.metItems')} tooltip={t('comp.f.metItemsHelp')} style={{ marginBottom: 8, minWidth: 220 }}>
                <Select mode="multiple" allowClear options={itemOptions} placeholder={t('comp.f.metItemsAll')} style={{ minWidth: 220 }} />
              </Form.Item>
            </Space>
          </Card>

          <Card size="small" title={t('comp.f.ties')} style={{ marginBottom: 12 }}>
            <Space wrap size={12} align="start">
              <Form.Item name={['scheme', 'tieBreak']} label={t('comp.f.tieBreak')} tooltip={t('comp.f.tieBreakHelp')} style={{ marginBottom: 8 }}>
                <Select allowClear style={{ width: 220 }} options={itemOptions} placeholder={t('comp.f.tieShared')} />
              </Form.Item>
              <Form.Item name={['scheme', 'leaderboard', 'dragon']} label={t('comp.f.dragon')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={50} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={['scheme', 'leaderboard', 'tiger']} label={t('comp.f.tiger')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={50} style={{ width: 100 }} />
              </Form.Item>
            </Space>
          </Card>

          <Card size="small">
            {competition ? (
              <Form.Item name="note" label={t('comp.f.versionNote')} tooltip={t('comp.f.versionNoteHelp')}>
                <Input maxLength={200} data-testid="scheme-note" placeholder={t('comp.f.versionNotePh')} />
              </Form.Item>
            ) : null}
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="scheme-save">
                {competition ? t('comp.f.save') : t('comp.f.create')}
              </Button>
              <Button onClick={() => navigate(competition ? `/competitions/${competition.id}` : '/competitions')}>{t('common.cancel')}</Button>
            </Flex>
          </Card>
        </Form>
      </Col>
      <Col xs={24} lg={10}>
        <div style={{ position: 'sticky', top: 8 }}>
          <PreviewPanel competitionId={competition?.id ?? null} cadence={cadence} year={year} initialPeriod={previewPeriod} scheme={scheme} form={ws} />
        </div>
      </Col>
    </Row>
  );
}

/** `/competitions/new` (a preset card first, or blank) and `/competitions/:id/scheme`. */
export function SchemePage() {
  const { t, lang } = useI18n();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const comp = useCompetition(id);
  const [picked, setPicked] = useState<{ preset: CompetitionPreset | null } | null>(null);
  if (id != null) {
    if (comp.isPending) return <Skeleton active />;
    if (comp.error || !comp.data) return <Result status="404" subTitle={comp.error ? errorText(comp.error, lang) : ''} extra={<Link to="/competitions">{t('common.back')}</Link>} />;
    return (
      <div>
        <PageHeader title={t('comp.scheme.editTitle', { name: comp.data.name })} sub={t('comp.scheme.editSub', { v: comp.data.version })} />
        <SchemeEditor key={comp.data.version} competition={comp.data} preset={null} />
      </div>
    );
  }
  return (
    <div>
      <PageHeader
        title={t('comp.scheme.newTitle')}
        sub={picked ? (picked.preset ? t('comp.scheme.fromPreset', { name: picked.preset.name }) : t('comp.preset.blank')) : t('comp.scheme.newSub')}
        extra={picked ? <Button onClick={() => setPicked(null)}>{t('comp.preset.again')}</Button> : null}
      />
      {picked ? <SchemeEditor key={picked.preset?.key ?? 'blank'} competition={null} preset={picked.preset} /> : <PresetPicker onPick={(p) => setPicked({ preset: p })} />}
    </div>
  );
}

