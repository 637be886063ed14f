import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { LIGHT_DIMENSIONS, type LightDimension, type RuleSetDto, type RuleSetUpdate } from '@tiaodu/contracts';
import { useI18n, type MessageKey } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { INVESTMENT_MODES, TIME_PROGRESS_MODES, escalationText, investmentFor, lightTexts, toConfig, type InvestmentMode, type PartialConfig } from '../ruleSets';
import { useSaveRuleSet } from '../hooks/useRuleSets';
import { LightRules } from './LightRules';

export const DIMENSION_KEYS: Record<LightDimension, MessageKey> = {
  investment: 'rules.dim.investment',
  start: 'rules.dim.start',
  milestone: 'rules.dim.milestone',
  report: 'rules.dim.report',
  statistics: 'rules.dim.statistics',
};

type Path = (string | number)[];

/** One threshold: its label and a number box with the unit. */
function NumberField({ name, label, unit, min, max, step, precision, required = true, placeholder }: {
  name: Path;
  label: string;
  unit: string;
  min?: number;
  max?: number;
  step?: number;
  precision?: number;
  required?: boolean;
  placeholder?: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('rules.fieldRequired', { label }) }] : undefined} style={{ marginBottom: 12 }}>
      <InputNumber min={min} max={max} step={step} precision={precision} suffix={unit} placeholder={placeholder} style={{ width: 190 }} />
    </Form.Item>
  );
}

/** A dimension: its thresholds on the left, what each light then means on the right. */
function Section({ title, testId, rules, help, children }: { title: string; testId: string; rules: ReactNode; help?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ marginBottom: 12 }}>
      <Row gutter={[24, 8]}>
        <Col xs={24} lg={12}>
          <Space wrap size={[16, 0]} align="start">
            {children}
          </Space>
          {help ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
              {help}
            </Typography.Paragraph>
          ) : null}
        </Col>
        <Col xs={24} lg={12}>
          {rules}
        </Col>
      </Row>
    </Card>
  );
}

/**
 * The form of one rule set: its name and every field of the rule set's config (RuleSetConfig
 * from the contracts), with units, and beside each dimension what green, yellow and red mean
 * for the values being typed. The server validates; its field errors show on the fields.
 */
export function RuleSetForm({ ruleSet, currentMonth }: { ruleSet: RuleSetDto; currentMonth: { year: number; month: number } }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleSetUpdate>();
  const save = useSaveRuleSet();
  const config = Form.useWatch('config', { form, preserve: true }) as PartialConfig | undefined;
  const mode = Form.useWatch(['config', 'investment', 'mode'], { form, preserve: true }) as InvestmentMode | undefined;
  const dimLabel = (d: LightDimension) => t(DIMENSION_KEYS[d]);
  const cfg = config ?? ruleSet.config;

  const submit = async () => {
    const all = form.getFieldsValue(true) as RuleSetUpdate;
    try {
      await save.mutateAsync({ id: ruleSet.id, body: { name: all.name, config: toConfig(all.config) } });
      message.success(ruleSet.active ? t('rules.savedActive', { m: currentMonth.month }) : t('rules.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorText(err, lang));
      else message.error(t('rules.fixErrors'));
    }
  };

  return (
    <Form<RuleSetUpdate>
      form={form}
      layout="vertical"
      initialValues={{ name: ruleSet.name, config: ruleSet.config }}
      onFinish={submit}
      onValuesChange={(changed: Partial<RuleSetUpdate>) => {
        const m = changed.config?.investment?.mode;
        if (m) form.setFieldValue(['config', 'investment'], investmentFor(m, form.getFieldValue(['config', 'investment'])));
      }}
      data-testid="ruleset-form"
      requiredMark={false}
    >
      {ruleSet.active ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <span>
              {t('rules.activeHint', { m: currentMonth.month })}{' '}
              <Link to={`/warnings?year=${currentMonth.year}&month=${currentMonth.month}`} data-testid="ruleset-view-warnings">
                {t('rules.viewWarnings')}
              </Link>
            </span>
          }
        />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('rules.inactiveHint')} />
      )}
      <Space wrap size={[16, 0]} align="start">
        <Form.Item name="name" label={t('rules.name')} rules={[{ required: true, message: t('rules.nameRequired') }]} style={{ marginBottom: 12 }}>
          <Input maxLength={100} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name={['config', 'timeProgress']} label={t('rules.timeProgress')} extra={t('rules.tpHelp')} style={{ marginBottom: 12 }}>
          <Select style={{ width: 380 }} options={TIME_PROGRESS_MODES.map((m) => ({ value: m, label: t(`rules.tp.${m}` as const) }))} />
        </Form.Item>
      </Space>

      <Section
        title={dimLabel('investment')}
        testId="ruleset-section-investment"
        help={mode === 'ratioOfTime' || mode === 'shareOfTime' ? t('rules.ratioHelp') : null}
        rules={<LightRules testId="ruleset-rules-investment" texts={lightTexts('investment', cfg, t)} />}>
        <Form.Item name={['config', 'investment', 'mode']} label={t('rules.inv.mode')} style={{ marginBottom: 12 }}>
          <Radio.Group>
            <Space direction="vertical" size={2}>
              {INVESTMENT_MODES.map((m) => (
                <Radio key={m} value={m}>
                  {t(`rules.inv.mode.${m}` as const)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {mode === 'ratioOfTime' ? (
          <Space size={16} wrap align="start">
            <NumberField name={['config', 'investment', 'yellowBelow']} label={t('rules.inv.yellowBelow')} unit={t('rules.unit.times')} min={0} step={0.05} />
            <NumberField name={['config', 'investment', 'redBelow']} label={t('rules.inv.redBelow')} unit={t('rules.unit.times')} min={0} step={0.05} />
          </Space>
        ) : mode === 'shareOfTime' ? (
          <NumberField name={['config', 'investment', 'share']} label={t('rules.inv.share')} unit={t('rules.unit.times')} min={0} step={0.05} />
        ) : (
          <Space size={16} wrap align="start">
            <NumberField name={['config', 'investment', 'yellowFrom']} label={t('rules.inv.yellowFrom')} unit={t('rules.unit.points')} min={0} step={1} />
            <NumberField name={['config', 'investment', 'redAbove']} label={t('rules.inv.redAbove')} unit={t('rules.unit.points')} min={0} step={1} />
          </Space>
        )}
      </Section>

      <Section title={dimLabel('start')} testId="ruleset-section-start" help={t('rules.start.help')} rules={<LightRules testId="ruleset-rules-start" texts={lightTexts('start', cfg, t)} />}>
        <NumberField name={['config', 'start', 'yellowAfterMonths']} label={t('rules.start.yellowAfter')} unit={t('rules.unit.months')} min={0} precision={0} />
        <NumberField name={['config', 'start', 'redAfterMonths']} label={t('rules.start.redAfter')} unit={t('rules.unit.months')} min={0} precision={0} />
      </Section>

      <Section title={dimLabel('milestone')} testId="ruleset-section-milestone" rules={<LightRules testId="ruleset-rules-milestone" texts={lightTexts('milestone', cfg, t)} />}>
        <NumberField name={['config', 'milestone', 'yellowMaxDays']} label={t('rules.ms.yellowMax')} unit={t('rules.unit.days')} min={0} precision={0} />
        <NumberField name={['config', 'milestone', 'redFromDays']} label={t('rules.ms.redFrom')} unit={t('rules.unit.days')} min={1} precision={0} />
        <Form.Item name={['config', 'milestone', 'between']} label={t('rules.ms.betweenLabel')} style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'yellow', label: t('rules.light.yellow') },
              { value: 'red', label: t('rules.light.red') },
            ]}
          />
        </Form.Item>
      </Section>

      <Section title={dimLabel('report')} testId="ruleset-section-report" help={t('rules.report.help')} rules={<LightRules testId="ruleset-rules-report" texts={lightTexts('report', cfg, t)} />}>
        <NumberField name={['config', 'report', 'redConsecutive']} label={t('rules.report.redConsecutive')} unit={t('rules.unit.months')} min={1} precision={0} />
      </Section>

      <Section title={dimLabel('statistics')} testId="ruleset-section-statistics" help={t('rules.stats.help')} rules={<LightRules testId="ruleset-rules-statistics" texts={lightTexts('statistics', cfg, t)} />}>
        <NumberField name={['config', 'statistics', 'minTotalInvestment']} label={t('rules.stats.min')} unit={t('rules.unit.wan')} min={0} />
        <NumberField name={['config', 'statistics', 'yellowAfterMonths']} label={t('rules.stats.yellowAfter')} unit={t('rules.unit.months')} min={0} precision={0} />
        <NumberField name={['config', 'statistics', 'redAfterMonths']} label={t('rules.stats.redAfter')} unit={t('rules.unit.months')} min={0} precision={0} />
      </Section>

      <Section
        title={t('rules.escalation')}
        testId="ruleset-section-escalation"
        help={t('rules.esc.help')}
        rules={
          <Typography.Text data-testid="ruleset-rules-escalation" style={{ fontSize: 13 }}>
            {escalationText(cfg, t, dimLabel)}
          </Typography.Text>
        }
      >
        <NumberField
          name={['config', 'escalation', 'yellowStreakToRed']}
          label={t('rules.esc.streak')}
          unit={t('rules.unit.months')}
          min={2}
          precision={0}
          required={false}
          placeholder={t('rules.esc.none')}
        />
        <Form.Item name={['config', 'escalation', 'dimensions']} label={t('rules.esc.dims')} style={{ marginBottom: 12 }}>
          <Checkbox.Group options={LIGHT_DIMENSIONS.map((d) => ({ value: d, label: dimLabel(d) }))} />
        </Form.Item>
      </Section>

      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="ruleset-save">
          {t('common.save')}
        </Button>
        <Button onClick={() => form.resetFields()} data-testid="ruleset-reset">
          {t('rules.reset')}
        </Button>
      </Space>
    </Form>
  );
}
