import { Button, Space } from 'antd';
import { LeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { approvalKeys, approvalsApi } from '../api/approvals';
import { ProjectApprovalsPanel } from '../components/ProjectApprovalsPanel';

/** 手续办理 of one project (a department reaches it through its own items and sees only those). */
export function ProjectApprovalsPage() {
  const { id } = useParams();
  const pid = Number(id);
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: approvalKeys.project(pid), queryFn: () => approvalsApi.project(pid), enabled: pid > 0 });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="link" icon={<LeftOutlined />} onClick={() => navigate(-1)} style={{ padding: 0 }}>
        {t('common.back')}
      </Button>
      <PageHeader title={`${t('ap.project.title')}${q.data ? ` · ${q.data.projectName}` : ''}`} />
      <ProjectApprovalsPanel projectId={pid} />
    </Space>
  );
}
