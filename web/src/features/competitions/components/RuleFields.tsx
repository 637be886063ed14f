import { Button, Flex, Form, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CompetitionRuleKind } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { useTours } from '../hooks/useCompetitions';

type Name = (string | number)[];

/** A number field of a rule. */
function NumberField({ name, label, help, min, max, step, required = true, width = 120 }: { name: Name; label: string; help?: string; min?: number; max?: number; step?: number; required?: boolean; width?: number }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} tooltip={help} rules={required ? [{ required: true, message: t('comp.f.required', { name: label }) }] : []} style={{ marginBottom: 8 }}>
      <InputNumber style={{ width }} min={min} max={max} step={step} placeholder={required ? undefined : t('comp.f.noLimit')} />
    </Form.Item>
  );
}

/** The fields of a rule of this kind (`base` is the rule's name within the form list). */
export function RuleFields({ kind, base }: { kind: CompetitionRuleKind | undefined; base: Name }) {
  const { t } = useI18n();
  const tours = useTours();
  const n = (f: string): Name => [...base, f];
  const basis = (
    <Form.Item name={n('basis')} label={t('comp.f.basis')} tooltip={t('comp.f.basisHelp')} style={{ marginBottom: 8 }}>
      <Select
        style={{ width: 150 }}
        options={[
          { value: 'auto', label: t('comp.f.basis.auto') },
          { value: 'target', label: t('comp.f.basis.target') },
          { value: 'rate', label: t('comp.f.basis.rate') },
        ]}
      />
    </Form.Item>
  );
  const by = (
    <Form.Item name={n('by')} label={t('comp.f.by')} style={{ marginBottom: 8 }}>
      <Select
        style={{ width: 130 }}
        options={[
          { value: 'value', label: t('comp.f.by.value') },
          { value: 'completion', label: t('comp.f.by.completion') },
        ]}
      />
    </Form.Item>
  );
  switch (kind) {
    case 'proportional':
      return (
        <Space wrap size={12} align="start">
          <NumberField name={n('weight')} label={t('comp.f.weight')} min={0} />
          <NumberField name={n('cap')} label={t('comp.f.cap')} help={t('comp.f.capHelp')} min={0.01} step={0.1} />
          {basis}
        </Space>
      );
    case 'perUnit':
      return (
        <Space wrap size={12} align="start">
          <NumberField name={n('points')} label={t('comp.f.pointsEach')} step={0.5} />
          <NumberField name={n('min')} label={t('comp.f.min')} required={false} />
          <NumberField name={n('max')} label={t('comp.f.max')} required={false} />
        </Space>
      );
    case 'deviation':
      return (
        <Space wrap size={12} align="start">
          <NumberField name={n('full')} label={t('comp.f.full')} min={0} />
          <NumberField name={n('perPointShort')} label={t('comp.f.perPointShort')} min={0} step={0.1} />
          <NumberField name={n('perPointOver')} label={t('comp.f.perPointOver')} min={0} step={0.1} />
          <NumberField name={n('knee')} label={t('comp.f.knee')} help={t('comp.f.kneeHelp')} min={100} />
          <NumberField name={n('perPointBeyond')} label={t('comp.f.perPointBeyond')} min={0} step={0.1} />
          <NumberField name={n('cap')} label={t('comp.f.adjCap')} min={0} />
          {basis}
        </Space>
      );
    case 'rank':
      return (
        <div>
          {by}
          <Typography.Text type="secondary">{t('comp.f.bands')}</Typography.Text>
          <Form.List name={n('bands')}>
            {(fields, { add, remove }) => (
              <div data-testid="rank-bands">
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start">
                    <NumberField name={[f.name, 'from']} label={t('comp.f.bandFrom')} min={1} width={80} />
                    <NumberField name={[f.name, 'to']} label={t('comp.f.bandTo')} min={1} width={80} />
                    <NumberField name={[f.name, 'points']} label={t('comp.f.bandPoints')} width={90} />
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                  </Flex>
                ))}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ from: null, to: null, points: null })}>
                  {t('comp.f.addBand')}
                </Button>
              </div>
            )}
          </Form.List>
        </div>
      );
    case 'efficacy':
      return (
        <Space wrap size={12} align="start">
          <NumberField name={n('weight')} label={t('comp.f.weight')} min={0} />
          <NumberField name={n('floor')} label={t('comp.f.floor')} help={t('comp.f.floorHelp')} min={0} max={1} step={0.05} />
          {by}
        </Space>
      );
    case 'judged':
      return (
        <Space wrap size={12} align="start">
          <NumberField name={n('weight')} label={t('comp.f.weight')} min={0} />
          {tours.data?.length ? (
            <Form.Item name={n('tourId')} label={t('comp.f.tour')} rules={[{ required: true, message: t('comp.f.tourRequired') }]} style={{ marginBottom: 8 }}>
              <Select style={{ width: 240 }} showSearch={{ optionFilterProp: 'label' }} options={tours.data.map((x) => ({ value: x.id, label: `${x.name}（${x.date}）` }))} />
            </Form.Item>
          ) : (
            <NumberField name={n('tourId')} label={t('comp.f.tourId')} help={t('comp.f.tourIdHelp')} min={1} />
          )}
        </Space>
      );
    case 'adjustment':
      return (
        <Space wrap size={12} align="start">
          <NumberField name={n('min')} label={t('comp.f.adjMin')} />
          <NumberField name={n('max')} label={t('comp.f.adjMax')} />
        </Space>
      );
    default:
      return null;
  }
}
