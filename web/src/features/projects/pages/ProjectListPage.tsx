import { useState } from 'react';
import { App, Button, Card, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { formatWan } from '../../../components/format';
import { errorText } from '../../../api/errors';
import { useNarrow } from '../../../hooks/useMedia';
import { useCan } from '../../auth/hooks/useAuth';
import { projectsApi } from '../api/projects';
import { filterQuery, listQuery, useProjectFilters } from '../hooks/useProjectFilters';
import { useProjectList } from '../hooks/useProjects';
import { ProjectFilterBar } from '../components/ProjectFilterBar';
import { ProjectTable } from '../components/ProjectTable';
import { ProjectCards } from '../components/ProjectCards';

export function ProjectListPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const { filters, setFilters, setPage, setSort, clear, active } = useProjectFilters();
  const { data, isFetching, error } = useProjectList(listQuery(filters));
  const [exporting, setExporting] = useState(false);

  const onExport = async () => {
    setExporting(true);
    try {
      await projectsApi.exportXlsx(filterQuery(filters));
      message.success(t('projects.exported'));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setExporting(false);
    }
  };

  const total = data?.total ?? 0;
  const sum = data?.sums.totalInvestment ?? 0;

  return (
    <div>
      <PageHeader
        title={t('projects.title')}
        extra={
          <>
            {can('project:create') ? (
              <Button type="primary" icon={<PlusOutlined />} data-testid="btn-new-project" onClick={() => navigate('/projects/new')}>
                {t('projects.new')}
              </Button>
            ) : null}
            {can('project:import') ? (
              <Button icon={<UploadOutlined />} data-testid="btn-import" onClick={() => navigate('/projects/import')}>
                {t('projects.import')}
              </Button>
            ) : null}
            {can('project:export') ? (
              <Button icon={<DownloadOutlined />} data-testid="btn-export" loading={exporting} onClick={() => void onExport()}>
                {exporting ? t('projects.exporting') : t('projects.export')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" styles={{ body: { paddingBottom: 0 } }} style={{ marginBottom: 16 }}>
        <ProjectFilterBar filters={filters} onChange={setFilters} onClear={clear} active={active} />
      </Card>
      <Card size={narrow ? 'small' : undefined}>
        <Typography.Paragraph data-testid="project-totals" strong style={{ marginBottom: 12 }}>
          {data ? t('projects.totals', { n: total, sum: formatWan(sum) }) : '\u00a0'}
        </Typography.Paragraph>
        {error ? <Typography.Text type="danger">{errorText(error, lang)}</Typography.Text> : null}
        {narrow ? (
          <ProjectCards items={data?.items ?? []} total={total} page={filters.page} pageSize={filters.pageSize} loading={isFetching} onPage={setPage} />
        ) : (
          <ProjectTable
            items={data?.items ?? []}
            total={total}
            page={filters.page}
            pageSize={filters.pageSize}
            loading={isFetching}
            sort={filters.sort}
            onPage={setPage}
            onSort={setSort}
          />
        )}
      </Card>
    </div>
  );
}
