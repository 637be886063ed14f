import { serverPagination } from '../../../components/pagination';
import { useState } from 'react';
import { Button, Card, Flex, Input, Table, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Enterprise } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { useEnterprises, useRegionTree } from '../hooks/useLookups';
import { EnterpriseFormModal } from '../components/EnterpriseFormModal';

export function EnterprisesPage() {
  const { t } = useI18n();
  const { names } = useRegionTree();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useEnterprises({ q: q || undefined, page, pageSize });
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null);

  const columns: TableProps<Enterprise>['columns'] = [
    { key: 'name', dataIndex: 'name', title: t('enterprises.name'), ellipsis: true },
    { key: 'creditCode', dataIndex: 'creditCode', title: t('enterprises.creditCode'), width: 200, render: (_: unknown, e: Enterprise) => (e.creditCode ? <code>{e.creditCode}</code> : '') },
    { key: 'region', dataIndex: 'regionCode', title: t('enterprises.region'), width: 160, render: (_: unknown, e: Enterprise) => (e.regionCode ? (names.get(e.regionCode) ?? e.regionCode) : '') },
    { key: 'legalPerson', dataIndex: 'legalPerson', title: t('enterprises.legalPerson'), width: 120 },
    { key: 'contactPhone', dataIndex: 'contactPhone', title: t('enterprises.contactPhone'), width: 140 },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, e: Enterprise) => (
        <Button type="link" size="small" onClick={() => setEditing(e)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('enterprises.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="btn-add-enterprise">
            {t('enterprises.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('enterprises.searchPlaceholder')}
            style={{ width: 300 }}
            data-testid="enterprise-search"
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Flex>
        <Table<Enterprise>
          data-testid="enterprise-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 900 }}
          pagination={serverPagination(t, {
            page,
            pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          })}
        />
      </Card>
      <EnterpriseFormModal open={editing !== null} enterprise={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
    </div>
  );
}
