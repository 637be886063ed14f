import { Card, Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import type { Project } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { StageTag } from '../../../components/StageTag';
import { formatDate, formatWan } from '../../../components/format';

interface Props {
  items: Project[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** The ledger on a phone: one card per project. */
export function ProjectCards({ items, total, page, pageSize, loading, onPage }: Props) {
  const { t, lang } = useI18n();
  return (
    <Spin spinning={loading}>
      <div data-testid="project-table" className="project-cards">
        {items.length === 0 && !loading ? <Empty description={t('projects.empty')} /> : null}
        {items.map((p) => (
          <Card key={p.id} size="small" style={{ marginBottom: 12 }} data-testid="project-card">
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Link to={`/projects/${p.id}`} style={{ fontWeight: 600, fontSize: 15, lineHeight: 1.4, minWidth: 0, overflowWrap: 'anywhere' }}>
                {p.name}
              </Link>
              <StageTag stage={p.stage} />
            </Flex>
            <div style={{ marginTop: 8, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 4, fontSize: 13 }}>
              <Typography.Text type="secondary">{t('projects.col.region')}</Typography.Text>
              <span>{p.regionName}</span>
              <Typography.Text type="secondary">{t('projects.col.investment')}</Typography.Text>
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatWan(p.totalInvestment)}</span>
              {p.ownerName ? (
                <>
                  <Typography.Text type="secondary">{t('projects.col.owner')}</Typography.Text>
                  <span style={{ overflowWrap: 'anywhere' }}>{p.ownerName}</span>
                </>
              ) : null}
              {p.plannedStart ? (
                <>
                  <Typography.Text type="secondary">{t('projects.col.plannedStart')}</Typography.Text>
                  <span>{formatDate(p.plannedStart, lang)}</span>
                </>
              ) : null}
            </div>
          </Card>
        ))}
        {total > pageSize ? (
          <Flex justify="center">
            <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} />
          </Flex>
        ) : null}
      </div>
    </Spin>
  );
}
