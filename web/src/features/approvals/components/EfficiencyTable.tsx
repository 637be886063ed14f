import { Card, Col, Empty, Flex, List, Row, Table, Typography } from 'antd';
import type { EfficiencyGrade, EfficiencyRow } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { useNarrow } from '../../../hooks/useMedia';
import { GradeTag, pct } from './ApprovalTags';

type Row = EfficiencyRow & { grade?: EfficiencyGrade | null };

/**
 * The department table as published: rank, 受理, 办结, 平均办结天数, 提速率, 超时, 满意率
 * (and the quarterly grade); cards on a phone. Used inside and on the public page.
 */
export function EfficiencyTable({ rows, grades = false, testId = 'efficiency-table' }: { rows: Row[]; grades?: boolean; testId?: string }) {
  const { t } = useI18n();
  const narrow = useNarrow();
  if (narrow) {
    if (!rows.length) return <Empty />;
    return (
      <Flex vertical gap={8} data-testid={testId}>
        {rows.map((r) => (
          <Card
            key={r.departmentId}
            size="small"
            data-testid={`eff-row-${r.departmentId}`}
            title={
              <span>
                <b>{r.rank ?? '—'}</b> {r.departmentName}
              </span>
            }
            extra={grades ? <GradeTag grade={r.grade ?? null} /> : null}
          >
            <Row gutter={[8, 4]}>
              <Col span={12}>{`${t('eff.col.accepted')}：${r.accepted}`}</Col>
              <Col span={12}>{`${t('eff.col.completed')}：${r.completed}`}</Col>
              <Col span={12}>{`${t('eff.col.avgDays')}：${r.avgDays ?? '—'}`}</Col>
              <Col span={12}>
                {t('eff.col.speedUp')}：<b style={{ color: r.speedUp !== null && r.speedUp < 0 ? '#cf1322' : undefined }}>{pct(r.speedUp)}</b>
              </Col>
              <Col span={12}>
                {t('eff.col.overdue')}：<b style={{ color: r.overdue ? '#cf1322' : undefined }}>{r.overdue}</b>
              </Col>
              <Col span={12}>{`${t('eff.col.satisfaction')}：${pct(r.satisfaction)}`}</Col>
            </Row>
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table<Row>
      rowKey="departmentId"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid={testId}
      onRow={(r) => ({ 'data-testid': `eff-row-${r.departmentId}` }) as object}
      scroll={{ x: 900 }}
      columns={[
        { title: t('eff.col.rank'), dataIndex: 'rank', width: 70, align: 'center' as const, render: (v: number | null) => (v === null ? <Typography.Text type="secondary">—</Typography.Text> : <b>{v}</b>) },
        { title: t('eff.col.department'), dataIndex: 'departmentName', width: 220 },
        { title: t('eff.col.accepted'), dataIndex: 'accepted', width: 90, align: 'right' as const },
        { title: t('eff.col.completed'), dataIndex: 'completed', width: 90, align: 'right' as const },
        { title: t('eff.col.avgDays'), dataIndex: 'avgDays', width: 110, align: 'right' as const, render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
        {
          title: t('eff.col.speedUp'),
          dataIndex: 'speedUp',
          width: 100,
          align: 'right' as const,
          render: (v: number | null) => <span style={{ color: v !== null && v < 0 ? '#cf1322' : undefined, fontWeight: 600 }}>{pct(v)}</span>,
        },
        { title: t('eff.col.overdue'), dataIndex: 'overdue', width: 90, align: 'right' as const, render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span> },
        { title: t('eff.col.satisfaction'), dataIndex: 'satisfaction', width: 90, align: 'right' as const, render: (v: number | null) => pct(v) },
        ...(grades ? [{ title: t('eff.col.grade'), dataIndex: 'grade', width: 90, render: (v: EfficiencyGrade | null) => <GradeTag grade={v} /> }] : []),
      ]}
    />
  );
}

/** 红榜 and the bottom list side by side. */
export function TopBottom({ top, bottom }: { top: Row[]; bottom: Row[] }) {
  const { t } = useI18n();
  const list = (rows: Row[], testId: string, color: string) => (
    <List
      size="small"
      dataSource={rows}
      data-testid={testId}
      locale={{ emptyText: t('eff.noRank') }}
      renderItem={(r) => (
        <List.Item>
          <span>
            <b style={{ color }}>{r.rank}</b> {r.departmentName}
          </span>
          <span>
            {t('eff.col.speedUp')} {pct(r.speedUp)} · {t('eff.col.overdue')} {r.overdue}
          </span>
        </List.Item>
      )}
    />
  );
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Card size="small" title={t('eff.top')} style={{ borderTop: '3px solid #389e0d' }}>
          {list(top, 'eff-top', '#389e0d')}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('eff.bottom')} style={{ borderTop: '3px solid #cf1322' }}>
          {list(bottom, 'eff-bottom', '#cf1322')}
        </Card>
      </Col>
    </Row>
  );
}
