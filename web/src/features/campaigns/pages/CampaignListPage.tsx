import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { CAMPAIGN_STATUSES } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../components/format';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { CampaignForm } from '../components/CampaignForm';
import { STATUS_COLOR } from '../components/campaignView';
import { Countdown } from '../components/Countdown';
import { useCampaigns } from '../hooks/useCampaigns';

/** 攻坚行动: one card per campaign with its dates, status, countdown, time elapsed and item count. */
export function CampaignListPage() {
  const { t, lang, label } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const list = useCampaigns();
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('campaign.list.title')}
        sub={t('campaign.list.sub')}
        extra={
          can('campaign:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">
              {t('campaign.new')}
            </Button>
          ) : null
        }
      />
      {list.isError ? <Alert type="error" message={errorText(list.error, lang)} /> : null}
      {list.isLoading ? <Skeleton active /> : null}
      {list.data && list.data.items.length === 0 ? <Empty description={t('campaign.empty')} /> : null}
      <Row gutter={[12, 12]} data-testid="campaign-list">
        {(list.data?.items ?? []).map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <Card size="small" data-testid={`campaign-card-${c.id}`} data-status={c.status} hoverable onClick={() => navigate(`/campaigns/${c.id}`)}>
              <Flex justify="space-between" align="start" gap={8}>
                <Link to={`/campaigns/${c.id}`} onClick={(e) => e.stopPropagation()} style={{ fontSize: 16, fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }} data-testid={`campaign-link-${c.id}`}>
                  {c.name}
                </Link>
                <Tag color={STATUS_COLOR[c.status]} style={{ marginInlineEnd: 0 }}>
                  {label(CAMPAIGN_STATUSES, c.status)}
                </Tag>
              </Flex>
              <Typography.Text type="secondary">
                {t('campaign.dates', { from: formatDate(c.startDate, lang), to: formatDate(c.endDate, lang) })} · {t('campaign.itemCount', { n: c.itemCount })}
              </Typography.Text>
              <div style={{ margin: '8px 0 4px' }}>
                <Countdown c={c} />
              </div>
              <Flex align="center" gap={8}>
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {t('campaign.timeShare')}
                </Typography.Text>
                <Progress percent={c.countdown.timeShare} format={(p) => `${p}%`} size="small" style={{ margin: 0, flex: 1 }} />
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <CampaignForm open={creating} campaign={null} onClose={() => setCreating(false)} onSaved={(d) => navigate(`/campaigns/${d.id}`)} />
    </div>
  );
}
