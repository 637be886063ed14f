import { Col, Row, Table, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { AUDIT_ACTIONS, type AuditEvent } from '@tiaodu/contracts';
import { useI18n, type I18n, type MessageKey } from '../../../i18n';
import { formatDateTime } from '../../../components/format';
import { JsonView } from '../../../components/JsonView';

export const ENTITY_TYPES = ['project', 'region', 'department', 'enterprise', 'user', 'import_mapping'] as const;

export function entityLabel(type: string, t: I18n['t']): string {
  const key = `audit.entity.${type}` as MessageKey;
  return (ENTITY_TYPES as readonly string[]).includes(type) ? t(key) : type;
}

export function actionLabel(action: string, lang: 'zh' | 'en'): string {
  const a = (AUDIT_ACTIONS as Record<string, { zh: string; en: string } | undefined>)[action];
  return a ? a[lang] : action;
}

interface Props {
  items: AuditEvent[];
  loading?: boolean;
  pagination?: TableProps<AuditEvent>['pagination'];
  onChange?: TableProps<AuditEvent>['onChange'];
  /** Hide the entity column (when showing one object's trail). */
  hideEntity?: boolean;
  testId?: string;
}

/** Audit events with their before/after states in an expandable row. */
export function AuditTable({ items, loading, pagination = false, onChange, hideEntity, testId }: Props) {
  const { t, lang } = useI18n();
  const columns: TableProps<AuditEvent>['columns'] = [
    { key: 'at', dataIndex: 'at', title: t('audit.at'), width: 170, render: (_: unknown, e: AuditEvent) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(e.at)}</span> },
    { key: 'actor', dataIndex: 'actorName', title: t('audit.actor'), width: 130, ellipsis: true, render: (_: unknown, e: AuditEvent) => e.actorName ?? t('audit.system') },
    { key: 'action', dataIndex: 'action', title: t('audit.action'), width: 120, render: (_: unknown, e: AuditEvent) => actionLabel(e.action, lang) },
    ...(hideEntity
      ? []
      : [
          {
            key: 'entity',
            title: t('audit.entity'),
            width: 130,
            render: (_: unknown, e: AuditEvent) => {
              const text = `${entityLabel(e.entityType, t)}${e.entityId ? ` #${e.entityId}` : ''}`;
              return e.entityType === 'project' && e.entityId && e.action !== 'project.delete' ? <Link to={`/projects/${e.entityId}`}>{text}</Link> : text;
            },
          },
        ]),
    { key: 'summary', dataIndex: 'summary', title: t('audit.summary'), ellipsis: true },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 130, responsive: ['xl'] },
  ];
  return (
    <Table<AuditEvent>
      data-testid={testId}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      onChange={onChange}
      scroll={{ x: 800 }}
      expandable={{
        rowExpandable: (e) => e.before != null || e.after != null,
        expandedRowRender: (e) => (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Typography.Text strong>{t('audit.before')}</Typography.Text>
              {e.before != null ? <JsonView value={e.before} /> : <div><Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text></div>}
            </Col>
            <Col xs={24} md={12}>
              <Typography.Text strong>{t('audit.after')}</Typography.Text>
              {e.after != null ? <JsonView value={e.after} /> : <div><Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text></div>}
            </Col>
            <Col xs={24} style={{ marginTop: 8 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('audit.hash')}: <code>{e.hash}</code>
              </Typography.Text>
            </Col>
          </Row>
        ),
      }}
    />
  );
}
