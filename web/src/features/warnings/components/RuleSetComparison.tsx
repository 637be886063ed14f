import type { ReactNode } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { LIGHT_DIMENSIONS, type Light, type LightDimension, type RuleSetDto } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { escalationText, lightTexts } from '../ruleSets';
import { DIMENSION_KEYS } from './RuleSetForm';
import { LightDot } from './LightDot';

interface Row {
  key: string;
  item: ReactNode;
  text: (r: RuleSetDto) => string;
}

/**
 * The thresholds of every rule set side by side (read-only), the one being edited first;
 * in the other columns what differs from it is in normal type, what is the same is grey.
 */
export function RuleSetComparison({ ruleSets, editingId }: { ruleSets: RuleSetDto[]; editingId: number }) {
  const { t } = useI18n();
  const dimLabel = (d: LightDimension) => t(DIMENSION_KEYS[d]);
  const editing = ruleSets.find((r) => r.id === editingId);
  const ordered = editing ? [editing, ...ruleSets.filter((r) => r.id !== editingId)] : ruleSets;
  const lightRow = (d: LightDimension, l: Exclude<Light, 'green'>): Row => ({
    key: `${d}-${l}`,
    item: (
      <Space size={6}>
        <LightDot light={l} />
        {`${dimLabel(d)} · ${t(`rules.light.${l}`)}`}
      </Space>
    ),
    text: (r) => lightTexts(d, r.config, t)[l],
  });
  const rows: Row[] = [
    { key: 'timeProgress', item: t('rules.timeProgress'), text: (r) => t(`rules.tpShort.${r.config.timeProgress}`) },
    { key: 'investment-mode', item: `${dimLabel('investment')} · ${t('rules.inv.mode')}`, text: (r) => t(`rules.inv.mode.${r.config.investment.mode}`) },
    ...LIGHT_DIMENSIONS.flatMap((d) => [lightRow(d, 'yellow'), lightRow(d, 'red')]),
    { key: 'escalation', item: t('rules.escalation'), text: (r) => escalationText(r.config, t, dimLabel) },
  ];
  return (
    <Table<Row>
      data-testid="ruleset-comparison"
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 900 }}
      columns={[
        { title: t('rules.item'), dataIndex: 'item', width: 170, fixed: 'left' as const },
        ...ordered.map((rs) => ({
          key: String(rs.id),
          title: (
            <Space size={4} wrap>
              {rs.name}
              {rs.active ? <Tag color="green">{t('rules.active')}</Tag> : null}
              {rs.id === editingId ? <Tag color="blue">{t('rules.editing')}</Tag> : null}
            </Space>
          ),
          onCell: () => ({ 'data-ruleset': rs.code }) as React.HTMLAttributes<HTMLTableCellElement>,
          render: (_: unknown, row: Row) => {
            const text = row.text(rs);
            const same = editing !== undefined && rs.id !== editingId && text === row.text(editing);
            return (
              <Typography.Text type={same ? 'secondary' : undefined} style={{ fontSize: 13 }}>
                {text}
              </Typography.Text>
            );
          },
        })),
      ]}
    />
  );
}
