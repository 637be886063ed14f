import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, List, Progress, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignDetail, type CampaignItem } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../components/format';
import { useNarrow } from '../../../hooks/useMedia';
import { useI18n } from '../../../i18n';
import { LightMark } from '../../tasks/components/Marks';
import { CampaignForm } from '../components/CampaignForm';
import { Countdown } from '../components/Countdown';
import { figure, itemLink, itemTestId, percent, STATUS_COLOR } from '../components/campaignView';
import { campaignsApi } from '../api/campaigns';
import { useCampaign } from '../hooks/useCampaigns';

type SummaryRow = NonNullable<CampaignDetail['summary']>[number];

function ItemName({ item }: { item: Pick<CampaignItem, 'kind' | 'refId' | 'missing' | 'name'> }) {
  const { t } = useI18n();
  const to = itemLink(item);
  if (!to)
    return (
      <Typography.Text type="secondary">
        {item.name}（{t('campaign.d.missing')}）
      </Typography.Text>
    );
  return <Link to={to}>{item.name}</Link>;
}

/** What is due or reached, with its unit (万元 for a project, the main target's for a task; an indicator's unit is in its name). */
const amount = (item: Pick<CampaignItem, 'kind' | 'unit'>, v: number | null) => (v == null ? '—' : `${figure(v)}${item.unit ?? (item.kind === 'project' ? '万元' : '')}`);

/** A campaign on one screen: countdown, time elapsed, each item against its target, what is behind, and once ended the summary. */
export function CampaignPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const { t, lang, label } = useI18n();
  const narrow = useNarrow();
  const campaign = useCampaign(id);
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const doExport = async () => {
    setExporting(true);
    try {
      await campaignsApi.exportXlsx(id);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setExporting(false);
    }
  };

  if (campaign.isLoading) return <Skeleton active />;
  if (campaign.isError || !campaign.data) return <Alert type="error" message={errorText(campaign.error, lang)} />;
  const c = campaign.data;
  const doneCount = c.summary?.filter((s) => s.done).length ?? 0;

  return (
    <div data-testid="campaign-page">
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="campaign-title">{c.name}</span>
            <Tag color={STATUS_COLOR[c.status]} data-testid="campaign-status" data-status={c.status}>
              {label(CAMPAIGN_STATUSES, c.status)}
            </Tag>
          </Space>
        }
        sub={t('campaign.dates', { from: formatDate(c.startDate, lang), to: formatDate(c.endDate, lang) })}
        extra={
          <Space wrap>
            <Link to="/campaigns">
              <Button icon={<LeftOutlined />}>{t('campaign.list.title')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="campaign-export">
              {t('campaign.export')}
            </Button>
            {c.abilities.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
                {t('campaign.edit')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[16, 8]} align="middle">
          <Col xs={24} md={12}>
            <Space wrap size={12} align="center">
              <Countdown c={c} />
              {c.behind.length ? (
                <a href="#campaign-behind" data-testid="campaign-behind-count">
                  <Tag color="red" style={{ fontSize: 14, padding: '2px 8px' }}>
                    {t('campaign.d.behindCount', { n: c.behind.length })}
                  </Tag>
                </a>
              ) : null}
            </Space>
          </Col>
          <Col xs={24} md={12}>
            <Flex align="center" gap={8} data-testid="campaign-time-share" data-value={c.countdown.timeShare}>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('campaign.timeShare')}
              </Typography.Text>
              <Progress percent={c.countdown.timeShare} format={(p) => `${p}%`} style={{ margin: 0, flex: 1 }} />
            </Flex>
          </Col>
        </Row>
        {c.description ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} ellipsis={{ rows: 2, expandable: true }}>
            {c.description}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card
        size="small"
        title={t('campaign.d.items')}
        extra={c.ruleSet ? <Typography.Text type="secondary">{t('campaign.d.ruleSet', { name: c.ruleSet.name })}</Typography.Text> : null}
        style={{ marginBottom: 12 }}
      >
        {narrow ? (
          <List<CampaignItem>
            size="small"
            dataSource={c.items}
            data-testid="campaign-items"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            renderItem={(i) => (
              <List.Item data-testid={itemTestId(i)} data-light={i.light ?? ''} data-done={i.done} style={{ display: 'block' }}>
                <Flex justify="space-between" gap={8} align="start">
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Tag>{t(`campaign.kind.${i.kind}`)}</Tag>
                    <ItemName item={i} />
                  </div>
                  <span style={{ whiteSpace: 'nowrap', flex: 'none' }}>
                    <LightMark light={i.light} reason={i.detail} done={i.done} />
                  </span>
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {i.unitName ?? '—'}
                </Typography.Text>
                <Space wrap size={[12, 0]}>
                  {i.due === null && i.reached === null ? null : (
                    <>
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {t('campaign.col.due')} {amount(i, i.due)}
                      </span>
                      <span style={{ whiteSpace: 'nowrap' }}>
                        {t('campaign.col.reached')} {amount(i, i.reached)}
                      </span>
                    </>
                  )}
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {t('campaign.col.completion')} <span data-testid="campaign-item-completion">{percent(i.completion)}</span>
                  </span>
                </Space>
                {i.detail ? <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{i.detail}</Typography.Text> : null}
              </List.Item>
            )}
          />
        ) : (
          <Table<CampaignItem>
            size="small"
            rowKey={(r) => `${r.kind}-${r.refId}`}
            pagination={false}
            scroll={{ x: 1000 }}
            dataSource={c.items}
            data-testid="campaign-items"
            onRow={(r) => ({ 'data-testid': itemTestId(r), 'data-light': r.light ?? '', 'data-done': String(r.done) }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            columns={[
              { title: t('campaign.col.kind'), dataIndex: 'kind', width: 86, render: (v: CampaignItem['kind']) => <Tag>{t(`campaign.kind.${v}`)}</Tag> },
              { title: t('campaign.col.name'), dataIndex: 'name', render: (_: unknown, r) => <ItemName item={r} /> },
              { title: t('campaign.col.unit'), dataIndex: 'unitName', width: 180, render: (v: string | null) => v ?? '—' },
              { title: t('campaign.col.due'), dataIndex: 'due', width: 100, align: 'right', render: (v: number | null, r) => amount(r, v) },
              { title: t('campaign.col.reached'), dataIndex: 'reached', width: 100, align: 'right', render: (v: number | null, r) => amount(r, v) },
              { title: t('campaign.col.completion'), dataIndex: 'completion', width: 80, align: 'right', render: (v: number | null) => <span data-testid="campaign-item-completion">{percent(v)}</span> },
              { title: t('campaign.col.light'), dataIndex: 'light', width: 90, render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}><LightMark light={r.light} done={r.done} /></span> },
              {
                title: t('campaign.col.detail'),
                dataIndex: 'detail',
                width: 250,
                render: (v: string | null) =>
                  v ? (
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: v }}>
                      {v}
                    </Typography.Paragraph>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Card>

      <Card size="small" title={t('campaign.d.behind')} style={{ marginBottom: 12 }} id="campaign-behind" data-testid="campaign-behind">
        {c.behind.length ? (
          <List<CampaignItem>
            size="small"
            dataSource={c.behind}
            renderItem={(i) => (
              <List.Item data-testid={`campaign-behind-${i.kind}-${i.refId}`} data-light={i.light ?? ''}>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <Space wrap size={4}>
                    <LightMark light={i.light} />
                    <ItemName item={i} />
                    <Typography.Text type="secondary">{i.unitName ?? ''}</Typography.Text>
                  </Space>
                  {i.detail ? <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{i.detail}</Typography.Text> : null}
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{t('campaign.d.behindNone')}</Typography.Text>
        )}
      </Card>

      {c.summary ? (
        <Card size="small" title={t('campaign.d.summary')} extra={<Typography.Text strong data-testid="campaign-summary-count">{t('campaign.d.summaryCount', { done: doneCount, total: c.summary.length })}</Typography.Text>} style={{ marginBottom: 12 }} data-testid="campaign-summary">
          <Table<SummaryRow>
            size="small"
            rowKey={(r) => `${r.kind}-${r.refId}`}
            pagination={false}
            scroll={{ x: 650 }}
            dataSource={c.summary}
            columns={[
              { title: t('campaign.col.kind'), dataIndex: 'kind', width: 86, render: (v: string) => <Tag>{t(`campaign.kind.${v as CampaignItem['kind']}`)}</Tag> },
              { title: t('campaign.col.name'), dataIndex: 'name' },
              { title: t('campaign.col.due'), dataIndex: 'due', width: 110, align: 'right', render: (v: number | null, r) => amount(r as Pick<CampaignItem, 'kind' | 'unit'>, v) },
              { title: t('campaign.col.reached'), dataIndex: 'reached', width: 110, align: 'right', render: (v: number | null, r) => amount(r as Pick<CampaignItem, 'kind' | 'unit'>, v) },
              { title: t('campaign.col.completion'), key: 'completion', width: 90, align: 'right', render: (_: unknown, r) => percent(c.items.find((i) => i.kind === r.kind && i.refId === r.refId)?.completion) },
              { title: t('campaign.col.done'), dataIndex: 'done', width: 90, render: (v: boolean) => (v ? <Tag color="green">{t('campaign.yes')}</Tag> : <Tag color="red">{t('campaign.no')}</Tag>) },
            ]}
          />
        </Card>
      ) : null}
      <CampaignForm open={editing} campaign={c} onClose={() => setEditing(false)} />
    </div>
  );
}
