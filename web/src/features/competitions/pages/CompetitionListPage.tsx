import { Alert, Button, Card, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { COMPETITION_CADENCES, type CompetitionSummary } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { periodName } from '../../indicators/components/figures';
import { ResultStatusTag } from '../components/Marks';
import { byPeriod } from '../components/periods';
import { useCompetitions } from '../hooks/useCompetitions';

/** 考核擂台赛: the competitions of the platform; pick one to see its scores. */
export function CompetitionListPage() {
  const { t, lang, label } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const list = useCompetitions();
  return (
    <div>
      <PageHeader
        title={t('comp.list.title')}
        sub={t('comp.list.sub')}
        extra={
          can('competition:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/competitions/new')} data-testid="competition-new">
              {t('comp.new')}
            </Button>
          ) : null
        }
      />
      {list.isPending ? (
        <Skeleton active />
      ) : list.error ? (
        <Alert type="error" message={errorText(list.error, lang)} />
      ) : !list.data.length ? (
        <Card>
          <Empty description={t('comp.list.empty')} />
        </Card>
      ) : (
        <Card size="small">
          <Table<CompetitionSummary>
            size="small"
            rowKey="id"
            data-testid="competition-list"
            pagination={false}
            dataSource={list.data}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('comp.col.name'),
                dataIndex: 'name',
                render: (name: string, c) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/competitions/${c.id}`} data-testid={`competition-open-${c.id}`}>
                      <b>{name}</b>
                    </Link>
                    {c.description ? (
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
                        {c.description}
                      </Typography.Text>
                    ) : null}
                  </Space>
                ),
              },
              { title: t('comp.col.year'), dataIndex: 'year', width: 70 },
              { title: t('comp.col.cadence'), dataIndex: 'cadence', width: 90, render: (v: string) => label(COMPETITION_CADENCES, v) },
              {
                title: t('comp.col.size'),
                key: 'size',
                width: 190,
                render: (_, c) => t('comp.list.size', { s: c.sequenceCount, c: c.contestantCount, i: c.itemCount }),
              },
              {
                title: t('comp.col.latest'),
                key: 'latest',
                width: 220,
                render: (_, c) => {
                  const last = [...c.periods].sort((a, b) => byPeriod(a.period, b.period)).at(-1);
                  return last ? (
                    <Space size={4}>
                      {periodName(last.period, lang)}
                      <ResultStatusTag status={last.status} revision={last.revision} />
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t('comp.list.noPeriod')}</Typography.Text>
                  );
                },
              },
              {
                title: t('common.status'),
                key: 'status',
                width: 130,
                render: (_, c) => (
                  <Space size={4}>
                    {c.status === 'archived' ? <Tag>{t('comp.archived')}</Tag> : <Tag color="blue">{t('comp.active')}</Tag>}
                    {c.public ? <Tag color="cyan">{t('comp.public')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                key: 'act',
                width: 150,
                render: (_, c) => (
                  <Space size={4}>
                    <Link to={`/competitions/${c.id}`}>{t('comp.open')}</Link>
                    {can('competition:manage') ? <Link to={`/competitions/${c.id}/scheme`}>{t('comp.editScheme')}</Link> : null}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
