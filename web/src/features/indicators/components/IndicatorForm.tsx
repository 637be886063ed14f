import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import {
  INDICATOR_ACCUMULATIONS,
  INDICATOR_CADENCES,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_RANK_BY,
  INDICATOR_SOURCES,
  INDICATOR_SUBJECTS,
  INDICATOR_UNIT_SUGGESTIONS,
  PROJECT_FIELDS,
  PROJECT_STAGES,
  YEAR_CATEGORIES,
  type Indicator,
  type IndicatorInput,
  type IndicatorPatch,
} from '@tiaodu/contracts';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { ruleSetKeys, ruleSetsApi } from '../../warnings/hooks/useRuleSets';
import { indicatorKeys, indicatorsApi } from '../api/indicators';
import { useFormulas } from '../hooks/useIndicators';

/** Formulas that count or add projects: they take a project filter. */
export const FILTERED_FORMULAS = ['projectCount', 'investmentSum'];

interface Values extends Omit<IndicatorInput, 'filter' | 'rankBy'> {
  rankBy?: IndicatorInput['rankBy'] | 'default';
  filter?: { stages?: string[]; startedInYear?: boolean; minTotalInvestment?: number | null; categories?: string[]; fields?: string[] } | null;
}

const DEFAULTS: Partial<Values> = { unit: '', decimals: 2, direction: 'higher', kind: 'expected', cadence: 'month', accumulation: 'cumulative', source: 'reported', appliesTo: ['town'], rankBy: 'default', benchmark: false, sort: 0 };

/** The filter as the API wants it: empty parts left out, null when nothing is set. */
function cleanFilter(f: Values['filter']): IndicatorInput['filter'] {
  if (!f) return null;
  const out: NonNullable<IndicatorInput['filter']> = {};
  if (f.stages?.length) out.stages = f.stages;
  if (f.startedInYear) out.startedInYear = true;
  if (f.minTotalInvestment != null) out.minTotalInvestment = f.minTotalInvestment;
  if (f.categories?.length) out.categories = f.categories;
  if (f.fields?.length) out.fields = f.fields;
  return Object.keys(out).length ? out : null;
}

/** 新建指标 / 编辑指标: every field with its Chinese label; a computed indicator picks its formula and shows its 口径. */
export function IndicatorFormModal({ indicator, open, onClose }: { indicator: Indicator | null; open: boolean; onClose: () => void }) {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const formulas = useFormulas(open);
  const ruleSets = useQuery({ queryKey: ruleSetKeys.all, queryFn: ruleSetsApi.list, enabled: open && can('ruleset:edit') });
  const source = Form.useWatch('source', form);
  const formula = Form.useWatch('formula', form);
  const editing = !!indicator;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(indicator ? { ...indicator, rankBy: indicator.rankBy, filter: indicator.filter ?? null } : DEFAULTS);
  }, [open, indicator, form]);

  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      const common = {
        name: v.name,
        unit: v.unit ?? '',
        decimals: v.decimals ?? 2,
        direction: v.direction,
        kind: v.kind,
        cadence: v.cadence,
        accumulation: v.accumulation,
        formula: (indicator?.source ?? v.source) === 'computed' ? (v.formula ?? null) : null,
        filter: FILTERED_FORMULAS.includes(v.formula ?? '') ? cleanFilter(v.filter) : null,
        appliesTo: v.appliesTo,
        rankBy: v.rankBy === 'default' || v.rankBy == null ? null : v.rankBy,
        ruleSetId: v.ruleSetId ?? null,
        benchmark: !!v.benchmark,
        description: v.description?.trim() ? v.description.trim() : null,
        sort: v.sort ?? 0,
      };
      if (indicator) return indicatorsApi.update(indicator.id, common as IndicatorPatch);
      return indicatorsApi.create({ ...common, code: v.code, source: v.source } as IndicatorInput);
    },
    onSuccess: (i) => {
      message.success(editing ? t('ind.saved', { name: i.name }) : t('ind.created', { name: i.name }));
      void qc.invalidateQueries({ queryKey: indicatorKeys.all });
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, e)) message.error(errorText(e, lang));
    },
  });

  const formulaInfo = formulas.data?.find((f) => f.value === formula);
  return (
    <Modal
      open={open}
      width={760}
      title={editing ? t('ind.edit', { name: indicator.name }) : t('ind.new')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okButtonProps={{ 'data-testid': 'indicator-save' }}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="indicator-form" requiredMark>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('ind.f.code')} rules={[{ required: true, message: t('ind.f.codeRequired') }]} extra={editing ? undefined : t('ind.f.codeHelp')}>
              <Input maxLength={30} disabled={editing} data-testid="indicator-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('ind.f.name')} rules={[{ required: true, message: t('ind.f.nameRequired') }]}>
              <Input maxLength={60} data-testid="indicator-name" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="unit" label={t('ind.f.unit')}>
              <AutoComplete options={INDICATOR_UNIT_SUGGESTIONS.map((u) => ({ value: u }))} maxLength={10} data-testid="indicator-unit" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="decimals" label={t('ind.f.decimals')}>
              <InputNumber min={0} max={4} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="cadence" label={t('ind.f.cadence')} rules={[{ required: true }]}>
              <Select options={options(INDICATOR_CADENCES)} data-testid="indicator-cadence" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="accumulation" label={t('ind.f.accumulation')}>
              <Select options={options(INDICATOR_ACCUMULATIONS)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="direction" label={t('ind.f.direction')}>
              <Radio.Group options={options(INDICATOR_DIRECTIONS)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('ind.f.kind')}>
              <Radio.Group options={options(INDICATOR_KINDS)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="appliesTo" label={t('ind.f.appliesTo')} rules={[{ required: true, message: t('ind.f.appliesToRequired') }]}>
              <Checkbox.Group options={options(INDICATOR_SUBJECTS)} data-testid="indicator-applies" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="source" label={t('ind.f.source')} rules={[{ required: true }]} extra={editing ? t('ind.f.sourceFixed') : undefined}>
              <Select options={options(INDICATOR_SOURCES)} disabled={editing} data-testid="indicator-source" />
            </Form.Item>
          </Col>
          {source === 'computed' ? (
            <Col xs={24} sm={12}>
              <Form.Item name="formula" label={t('ind.f.formula')} rules={[{ required: true, message: t('ind.f.formulaRequired') }]}>
                <Select loading={formulas.isLoading} options={(formulas.data ?? []).map((f) => ({ value: f.value, label: lang === 'en' ? f.en : f.zh }))} data-testid="indicator-formula" />
              </Form.Item>
            </Col>
          ) : null}
          {source === 'computed' && formulaInfo ? (
            <Col span={24}>
              <Alert type="info" style={{ marginBottom: 12 }} message={t('ind.formulas.definition')} description={formulaInfo.definition} data-testid="formula-definition" />
            </Col>
          ) : null}
          {source === 'computed' && FILTERED_FORMULAS.includes(formula ?? '') ? (
            <Col span={24}>
              <Typography.Text strong>{t('ind.f.filter')}</Typography.Text>
              <Row gutter={12} style={{ marginTop: 8 }}>
                <Col xs={24} sm={12}>
                  <Form.Item name={['filter', 'stages']} label={t('ind.f.filterStages')}>
                    <Select mode="multiple" allowClear options={options(PROJECT_STAGES)} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={['filter', 'minTotalInvestment']} label={t('ind.f.filterMinInvestment')}>
                    <InputNumber min={0} style={{ width: '100%' }} placeholder="10000" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={['filter', 'categories']} label={t('ind.f.filterCategories')}>
                    <Select mode="multiple" allowClear options={options(YEAR_CATEGORIES)} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={['filter', 'fields']} label={t('ind.f.filterFields')}>
                    <Select mode="multiple" allowClear options={options(PROJECT_FIELDS)} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name={['filter', 'startedInYear']} valuePropName="checked">
                    <Checkbox>{t('ind.f.filterStartedInYear')}</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
            </Col>
          ) : null}
          <Col xs={24} sm={8}>
            <Form.Item name="rankBy" label={t('ind.f.rankBy')} extra={t('ind.f.rankByHelp')}>
              <Select options={[{ value: 'default', label: t('ind.f.rankByDefault') }, ...options(INDICATOR_RANK_BY)]} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="ruleSetId" label={t('ind.f.ruleSet')} extra={t('ind.f.ruleSetHelp')}>
              <Select allowClear disabled={!can('ruleset:edit')} placeholder={t('ind.f.ruleSetActive')} options={(ruleSets.data ?? []).map((r) => ({ value: r.id, label: r.name }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={4}>
            <Form.Item name="benchmark" label={t('ind.f.benchmark')} valuePropName="checked">
              <Switch data-testid="indicator-benchmark" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={4}>
            <Form.Item name="sort" label={t('ind.f.sort')}>
              <InputNumber min={0} max={9999} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('ind.f.description')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
