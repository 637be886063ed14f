import { Table, Tag } from 'antd';
import type { Competition } from '@tiaodu/contracts';
import { formatDateTime } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { periodName } from '../../indicators/components/figures';
import type { CompetitionVersion } from '../api/competitions';
import { byPeriod } from './periods';

/** 方案版本: every version of the scheme, why it changed and the periods scored with it. */
export function VersionsTable({ competition }: { competition: Competition }) {
  const { t, lang } = useI18n();
  const rows = [...competition.versions].sort((a, b) => b.version - a.version);
  return (
    <Table<CompetitionVersion>
      size="small"
      data-testid="versions"
      rowKey="version"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('comp.col.version'),
          dataIndex: 'version',
          width: 110,
          render: (v: number) => (
            <span>
              v{v} {v === competition.version ? <Tag color="blue">{t('comp.version.current')}</Tag> : null}
            </span>
          ),
        },
        { title: t('comp.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
        { title: t('comp.col.createdBy'), dataIndex: 'createdBy', width: 100, render: (s: string | null) => s ?? '—' },
        { title: t('comp.col.note'), dataIndex: 'note', render: (s: string | null) => s ?? '—' },
        {
          title: t('comp.col.usedBy'),
          dataIndex: 'periods',
          render: (ps: string[]) => (ps.length ? [...ps].sort(byPeriod).map((p) => <Tag key={p}>{periodName(p, lang)}</Tag>) : t('comp.version.unused')),
        },
      ]}
    />
  );
}
