import { serverPagination } from '../../../components/pagination';
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Input, Row, Select } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useUrlParams } from '../../../hooks/useUrlParams';
import dayjs from 'dayjs';
import { AUDIT_ACTIONS } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { auditApi, type AuditVerify } from '../api/audit';
import { AuditTable, ENTITY_TYPES, entityLabel } from '../components/AuditTable';

const KEYS = ['q', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Key = (typeof KEYS)[number];

/** The audit log with its filters in the URL, and a check of the hash chain. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [sp, setSp] = useUrlParams();
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const pageSize = [20, 50, 100].includes(Number(sp.get('pageSize'))) ? Number(sp.get('pageSize')) : 50;
  const filters = useMemo(() => Object.fromEntries(KEYS.map((k) => [k, sp.get(k) || undefined])) as Record<Key, string | undefined>, [sp]);
  const query = { ...filters, page, pageSize };
  const { data, isFetching, error } = useQuery({ queryKey: ['audit', 'list', query], queryFn: () => auditApi.list(query), placeholderData: keepPreviousData });
  const [keyword, setKeyword] = useState(filters.q ?? '');
  useEffect(() => setKeyword(filters.q ?? ''), [filters.q]);
  const [verify, setVerify] = useState<AuditVerify | null>(null);

  const set = (patch: Partial<Record<Key | 'page' | 'pageSize', string | undefined>>) => {
    setSp((prev) => {
      const next = new URLSearchParams(prev);
      if (!('page' in patch)) next.delete('page');
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  };

  const verifyMutation = useMutation({
    mutationFn: auditApi.verify,
    onSuccess: setVerify,
    onError: (e) => message.error(errorText(e, lang)),
  });

  const actionOptions = Object.entries(AUDIT_ACTIONS).map(([value, l]) => ({ value, label: l[lang] }));

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifyMutation.isPending} onClick={() => verifyMutation.mutate()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {verify ? (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 16 }}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          type={verify.ok ? 'success' : 'error'}
          title={verify.ok ? t('audit.verifyOk', { n: verify.checked }) : t('audit.verifyBroken', { id: verify.brokenAt ?? '?', n: verify.checked })}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={6}>
            <Input.Search
              allowClear
              placeholder={t('audit.searchPlaceholder')}
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              data-testid="audit-search"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select allowClear style={{ width: '100%' }} placeholder={t('audit.action')} options={actionOptions} value={filters.action} onChange={(v?: string) => set({ action: v })} showSearch={{ optionFilterProp: 'label' }} />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('audit.entity')}
              options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e, t) }))}
              value={filters.entityType}
              onChange={(v?: string) => set({ entityType: v, entityId: v ? filters.entityId : undefined })}
            />
          </Col>
          <Col xs={12} md={6} xl={3}>
            <Input allowClear placeholder={t('audit.entityId')} defaultValue={filters.entityId} key={filters.entityId ?? ''} onPressEnter={(e) => set({ entityId: e.currentTarget.value.trim() || undefined })} onBlur={(e) => e.target.value.trim() !== (filters.entityId ?? '') && set({ entityId: e.target.value.trim() || undefined })} />
          </Col>
          <Col xs={24} md={12} xl={7}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            />
          </Col>
        </Row>
      </Card>
      <Card size="small">
        {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} /> : null}
        <AuditTable
          testId="audit-table"
          items={data?.items ?? []}
          loading={isFetching}
          pagination={serverPagination(t, {
            page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: [20, 50, 100],
            onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
          })}
        />
      </Card>
    </div>
  );
}
