import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CAPITAL_ORIGINS,
  CONSTRUCTION_NATURES,
  FUNDING_SOURCES,
  INVESTMENT_TYPES,
  PROJECT_FIELDS,
  PROJECT_LEVELS,
  PROJECT_STAGES,
  YEAR_CATEGORIES,
  isValidProjectCode,
  type Funding,
  type Project,
  type ProjectCreate,
} from '@tiaodu/contracts';
import { useI18n, type MessageKey } from '../../../i18n';
import { formatWan } from '../../../components/format';
import { MapView } from '../../../components/MapView';
import { RegionTreeSelect } from '../../org/components/RegionTreeSelect';
import { EnterpriseSelect } from '../../org/components/EnterpriseSelect';
import { EnterpriseFormModal } from '../../org/components/EnterpriseFormModal';
import { useDepartments, useLeaders, useSettings } from '../../org/hooks/useLookups';
import { useCan } from '../../auth/hooks/useAuth';
import { useProjectCentroid } from '../hooks/useProjectCentroid';

/** Form values: the API's field names and shapes (dates as YYYY-MM-DD strings). */
export type ProjectFormValues = Omit<ProjectCreate, 'funding'> & { funding?: Partial<Record<keyof Funding, number | null>> };

export const PROJECT_FORM_FIELDS = [
  'name', 'code', 'statsCode', 'level', 'nature', 'category', 'planYear', 'field', 'industryCode', 'chainTags', 'investmentType', 'capitalOrigin',
  'funding', 'ppp', 'regionCode', 'location', 'lng', 'lat', 'landArea', 'newLand', 'ownerEnterpriseId', 'leaderIds', 'responsibleDeptId',
  'responsiblePerson', 'responsiblePhone', 'liaisonName', 'liaisonPhone', 'totalInvestment', 'plannedStart', 'plannedCompletion', 'actualStart',
  'actualCompletion', 'content', 'stage',
] as const;

const text = (v: string | null | undefined): string | null => {
  const s = typeof v === 'string' ? v.trim() : '';
  return s ? s : null;
};

/** Form values → the body of POST /api/projects (PATCH adds `version` and drops `stage`). */
export function toProjectInput(v: ProjectFormValues): ProjectCreate {
  const funding: Funding = {};
  for (const [k, x] of Object.entries(v.funding ?? {})) if (typeof x === 'number') funding[k as keyof Funding] = x;
  return {
    name: v.name.trim(),
    code: text(v.code),
    statsCode: text(v.statsCode),
    level: v.level,
    nature: v.nature,
    category: v.category,
    planYear: v.planYear,
    field: v.field,
    industryCode: text(v.industryCode),
    chainTags: (v.chainTags ?? []).map((s) => s.trim()).filter(Boolean),
    investmentType: v.investmentType,
    capitalOrigin: v.capitalOrigin,
    funding,
    ppp: Boolean(v.ppp),
    regionCode: v.regionCode,
    location: text(v.location),
    lng: v.lng ?? null,
    lat: v.lat ?? null,
    landArea: v.landArea ?? null,
    newLand: Boolean(v.newLand),
    ownerEnterpriseId: v.ownerEnterpriseId ?? null,
    leaderIds: v.leaderIds ?? [],
    responsibleDeptId: v.responsibleDeptId ?? null,
    responsiblePerson: text(v.responsiblePerson),
    responsiblePhone: text(v.responsiblePhone),
    liaisonName: text(v.liaisonName),
    liaisonPhone: text(v.liaisonPhone),
    totalInvestment: v.totalInvestment,
    plannedStart: v.plannedStart ?? null,
    plannedCompletion: v.plannedCompletion ?? null,
    actualStart: v.actualStart ?? null,
    actualCompletion: v.actualCompletion ?? null,
    content: text(v.content),
    ...(v.stage ? { stage: v.stage } : {}),
  };
}

/** A project as form values, for editing. */
export function projectToValues(p: Project): ProjectFormValues {
  return {
    name: p.name,
    code: p.code,
    statsCode: p.statsCode,
    level: p.level,
    nature: p.nature,
    category: p.category,
    planYear: p.planYear,
    field: p.field,
    industryCode: p.industryCode,
    chainTags: p.chainTags,
    investmentType: p.investmentType,
    capitalOrigin: p.capitalOrigin,
    funding: { ...p.funding },
    ppp: p.ppp,
    regionCode: p.regionCode,
    location: p.location,
    lng: p.lng,
    lat: p.lat,
    landArea: p.landArea,
    newLand: p.newLand,
    ownerEnterpriseId: p.ownerEnterpriseId,
    leaderIds: p.leaders.map((l) => l.id),
    responsibleDeptId: p.responsibleDeptId,
    responsiblePerson: p.responsiblePerson,
    responsiblePhone: p.responsiblePhone,
    liaisonName: p.liaisonName,
    liaisonPhone: p.liaisonPhone,
    totalInvestment: p.totalInvestment,
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    actualStart: p.actualStart,
    actualCompletion: p.actualCompletion,
    content: p.content,
  };
}

/** 12345.6 → 12,345.6 while typing; the decimals are left alone. */
const thousands = (v: string | number | undefined): string => {
  if (v === undefined || v === '') return '';
  const [int = '', dec] = String(v).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec !== undefined ? `${grouped}.${dec}` : grouped;
};
const unthousands = (v: string | undefined): string => (v ?? '').replace(/,/g, '');

const col2 = { xs: 24, md: 12 } as const;
const col3 = { xs: 24, md: 12, xl: 8 } as const;

function Section({ title, children }: { title: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card title={<span className="form-section-title">{t(title)}</span>} size="small" style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** Keeps dates as YYYY-MM-DD strings in the form while DatePicker works with dayjs. */
const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

interface Props {
  form: FormInstance<ProjectFormValues>;
  initialValues: Partial<ProjectFormValues>;
  mode: 'create' | 'edit';
  /** Owner already chosen (edit), so its name shows before any search. */
  knownOwner?: { id: number; name: string } | null;
  submitting: boolean;
  onSubmit: (v: ProjectFormValues) => void;
  onCancel: () => void;
}

export function ProjectForm({ form, initialValues, mode, knownOwner, submitting, onSubmit, onCancel }: Props) {
  const { t, options, lang } = useI18n();
  const can = useCan();
  const leaders = useLeaders();
  const departments = useDepartments();
  const settings = useSettings();
  const centroid = useProjectCentroid();
  const [enterpriseModal, setEnterpriseModal] = useState(false);
  const [owners, setOwners] = useState<{ id: number; name: string }[]>(knownOwner ? [knownOwner] : []);

  const lng = Form.useWatch('lng', form) as number | null | undefined;
  const lat = Form.useWatch('lat', form) as number | null | undefined;
  const funding = Form.useWatch('funding', form) as ProjectFormValues['funding'];
  const total = Form.useWatch('totalInvestment', form) as number | undefined;
  const fundingSum = useMemo(() => Object.values(funding ?? {}).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0), [funding]);
  const point = lng != null && lat != null ? { lng, lat } : null;

  const required = (key: MessageKey) => [{ required: true, message: `${t('common.pleaseSelect')}${lang === 'en' ? ' ' : ''}${t(key)}` }];
  const requiredText = (key: MessageKey) => [{ required: true, whitespace: true, message: `${t('common.pleaseInput')}${lang === 'en' ? ' ' : ''}${t(key)}` }];
  const search = { optionFilterProp: 'label' } as const;
  const amount = { min: 0, max: 100_000_000, precision: 2, style: { width: '100%' }, formatter: thousands, parser: unthousands } as const;

  return (
    <>
      <Form<ProjectFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onSubmit}
        scrollToFirstError={{ block: 'center' }}
        data-testid="project-form"
      >
        <Section title="project.section.basic">
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Form.Item name="name" label={t('project.name')} rules={[...requiredText('project.name'), { min: 2, message: t('project.nameMin') }]}>
                <Input maxLength={200} showCount />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="planYear" label={t('project.planYear')} rules={required('project.planYear')}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item
                name="code"
                label={t('project.code')}
                extra={t('project.codeHint')}
                rules={[{ validator: (_, v: string | null | undefined) => (!v || !v.trim() || isValidProjectCode(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('project.codeInvalid')))) }]}
              >
                <Input maxLength={24} placeholder="2024-330122-04-01-123456" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="statsCode" label={t('project.statsCode')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="level" label={t('project.level')} rules={required('project.level')}>
                <Select showSearch={search} options={options(PROJECT_LEVELS)} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="nature" label={t('project.nature')} rules={required('project.nature')}>
                <Select showSearch={search} options={options(CONSTRUCTION_NATURES)} />
              </Form.Item>
            </Col>
            {mode === 'create' ? (
              <Col {...col3}>
                <Form.Item name="stage" label={t('project.initialStage')} extra={t('project.initialStageHint')}>
                  <Select showSearch={search} allowClear options={options(PROJECT_STAGES)} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
        </Section>

        <Section title="project.section.classification">
          <Row gutter={16}>
            <Col {...col3}>
              <Form.Item name="category" label={t('project.category')} rules={required('project.category')}>
                <Select showSearch={search} options={options(YEAR_CATEGORIES)} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="field" label={t('project.field')} rules={required('project.field')}>
                <Select showSearch={search} options={options(PROJECT_FIELDS)} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="industryCode" label={t('project.industryCode')}>
                <Input maxLength={10} placeholder="C3484" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="chainTags" label={t('project.chainTags')} extra={t('project.chainTagsHint')}>
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} maxCount={10} />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title="project.section.investment">
          <Row gutter={16}>
            <Col {...col3}>
              <Form.Item name="totalInvestment" label={t('project.totalInvestment')} rules={[{ required: true, message: `${t('common.pleaseInput')}${t('project.totalInvestment')}` }]}>
                <InputNumber {...amount} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="investmentType" label={t('project.investmentType')} rules={required('project.investmentType')}>
                <Select showSearch={search} options={options(INVESTMENT_TYPES)} />
              </Form.Item>
            </Col>
            <Col {...col3}>
              <Form.Item name="capitalOrigin" label={t('project.capitalOrigin')}>
                <Select showSearch={search} options={options(CAPITAL_ORIGINS)} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>{t('project.funding')}</Typography.Text>
          <Row gutter={16} style={{ marginTop: 8 }}>
            {FUNDING_SOURCES.map((s) => (
              <Col key={s.value} xs={12} md={8} xl={4}>
                <Form.Item name={['funding', s.value]} label={s[lang]}>
                  <InputNumber {...amount} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Flex gap={16} wrap align="center" justify="space-between">
            <Typography.Text type={total != null && fundingSum > 0 && Math.abs(fundingSum - total) > 0.005 ? 'warning' : 'secondary'} data-testid="funding-sum">
              {t('project.fundingSum', { sum: formatWan(fundingSum) })}
              {total != null && fundingSum > 0 && Math.abs(fundingSum - total) > 0.005 ? `，${t('project.fundingMismatch', { total: formatWan(total) })}` : ''}
            </Typography.Text>
            <Form.Item name="ppp" label={t('project.ppp')} valuePropName="checked" layout="horizontal" style={{ marginBottom: 0 }}>
              <Switch />
            </Form.Item>
          </Flex>
        </Section>

        <Section title="project.section.location">
          <Row gutter={16}>
            <Col xs={24} xl={10}>
              <Form.Item name="regionCode" label={t('project.region')} rules={required('project.region')}>
                <RegionTreeSelect />
              </Form.Item>
              <Form.Item name="location" label={t('project.location')}>
                <Input maxLength={200} />
              </Form.Item>
              <Row gutter={16}>
                <Col span={12}>
                  <Form.Item name="landArea" label={t('project.landArea')}>
                    <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="newLand" label={t('project.newLand')} valuePropName="checked">
                    <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="lng" label={t('project.lng')}>
                    <InputNumber min={73} max={136} precision={6} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="lat" label={t('project.lat')}>
                    <InputNumber min={3} max={54} precision={6} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Col>
            <Col xs={24} xl={14}>
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('project.mapHint')}</Typography.Text>
                <Button size="small" disabled={!point} onClick={() => form.setFieldsValue({ lng: null, lat: null })}>
                  {t('project.clearPoint')}
                </Button>
              </Flex>
              <MapView
                testId="project-map"
                value={point}
                tileUrl={settings.data?.mapTileUrl}
                fallbackCenter={centroid}
                height={300}
                onChange={(p) => {
                  form.setFieldsValue({ lng: p.lng, lat: p.lat });
                  void form.validateFields(['lng', 'lat']);
                }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="map-point">
                {point ? `${t('project.lng')} ${point.lng.toFixed(6)}，${t('project.lat')} ${point.lat.toFixed(6)}` : t('project.noPoint')}
              </Typography.Text>
            </Col>
          </Row>
        </Section>

        <Section title="project.section.responsibility">
          <Row gutter={16}>
            <Col {...col2}>
              <Form.Item label={t('project.owner')} required={false}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="ownerEnterpriseId" noStyle>
                    <EnterpriseSelect known={owners} style={{ width: '100%' }} />
                  </Form.Item>
                  {can('admin:enterprise') ? (
                    <Button icon={<PlusOutlined />} onClick={() => setEnterpriseModal(true)} data-testid="btn-add-enterprise">
                      {t('projectForm.addEnterprise')}
                    </Button>
                  ) : null}
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col {...col2}>
              <Form.Item name="leaderIds" label={t('project.leaders')}>
                <Select
                  mode="multiple"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={leaders.isLoading}
                  options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))}
                />
              </Form.Item>
            </Col>
            <Col {...col2}>
              <Form.Item name="responsibleDeptId" label={t('project.responsibleDept')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={departments.isLoading}
                  options={(departments.data ?? []).filter((d) => d.active || d.id === initialValues.responsibleDeptId).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="responsiblePerson" label={t('project.responsiblePerson')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="responsiblePhone" label={t('project.responsiblePhone')}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="liaisonName" label={t('project.liaisonName')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="liaisonPhone" label={t('project.liaisonPhone')}>
                <Input maxLength={30} />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title="project.section.schedule">
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="plannedStart" label={t('project.plannedStart')} {...dateProps}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="plannedCompletion"
                label={t('project.plannedCompletion')}
                dependencies={['plannedStart']}
                {...dateProps}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v: string | null) => {
                      const start = getFieldValue('plannedStart') as string | null;
                      return v && start && v < start ? Promise.reject(new Error(t('project.completionDateError'))) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="actualStart" label={t('project.actualStart')} {...dateProps}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="actualCompletion"
                label={t('project.actualCompletion')}
                dependencies={['actualStart']}
                {...dateProps}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v: string | null) => {
                      const start = getFieldValue('actualStart') as string | null;
                      return v && start && v < start ? Promise.reject(new Error(t('project.completionDateError'))) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title="project.section.content">
          <Form.Item name="content" label={t('project.content')} style={{ marginBottom: 0 }}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </Section>

        <Card size="small" className="form-actions">
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="project-form-submit">
              {mode === 'create' ? t('projectForm.submitCreate') : t('projectForm.submitEdit')}
            </Button>
          </Flex>
        </Card>
      </Form>
      <EnterpriseFormModal
        open={enterpriseModal}
        onClose={() => setEnterpriseModal(false)}
        onSaved={(e) => {
          setOwners((o) => [...o.filter((x) => x.id !== e.id), { id: e.id, name: e.name }]);
          form.setFieldsValue({ ownerEnterpriseId: e.id });
          setEnterpriseModal(false);
        }}
      />
    </>
  );
}
