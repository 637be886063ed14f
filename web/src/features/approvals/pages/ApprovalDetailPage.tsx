import { Card, Result, Skeleton, Space } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { ApprovalDetail } from '../components/ApprovalDetail';

/** One approval item (the link of its notifications): steps, times, people, signals, buttons. */
export function ApprovalDetailPage() {
  const { id } = useParams();
  const aid = Number(id);
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: approvalKeys.one(aid), queryFn: () => approvalsApi.get(aid), enabled: aid > 0 });
  if (!(aid > 0)) return <Result status="404" title="404" subTitle={t('app.notFound')} extra={<Link to="/approvals">{t('ap.detail.back')}</Link>} />;
  if (q.error) return <Result status="404" title="404" subTitle={errorText(q.error, lang)} extra={<Link to="/approvals">{t('ap.detail.back')}</Link>} />;
  if (!q.data) return <Skeleton active />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Link to="/approvals">
        <LeftOutlined /> {t('ap.detail.back')}
      </Link>
      <PageHeader title={q.data.name} sub={q.data.projectName} />
      <Card size="small">
        <ApprovalDetail item={q.data} />
      </Card>
    </Space>
  );
}
