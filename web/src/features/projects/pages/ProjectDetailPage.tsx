import { useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CAPITAL_ORIGINS,
  CONSTRUCTION_NATURES,
  FUNDING_SOURCES,
  INVESTMENT_TYPES,
  PROJECT_FIELDS,
  PROJECT_LEVELS,
  YEAR_CATEGORIES,
  type Project,
} from '@tiaodu/contracts';
import { useI18n, type MessageKey } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { useMedia } from '../../../hooks/useMedia';
import { formatDate, formatDateTime, formatNumber, formatWan } from '../../../components/format';
import { StageTag } from '../../../components/StageTag';
import { MapView } from '../../../components/MapView';
import { useCan } from '../../auth/hooks/useAuth';
import { useSettings } from '../../org/hooks/useLookups';
import { AuditTable } from '../../audit/components/AuditTable';
import { useDeleteProject, useProject, useProjectAudit } from '../hooks/useProjects';
import { StageChangeModal } from '../components/StageChangeModal';
import { StageHistory } from '../components/StageHistory';
import { LightsHistoryStrip } from '../../warnings/components/LightsHistoryStrip';
import { ProjectMilestones } from '../../milestones/components/ProjectMilestones';
import { ProjectApprovalsPanel } from '../../approvals/components/ProjectApprovalsPanel';
import { ProjectProblemsCard } from '../../problems/components/ProjectProblemsCard';

const COLUMNS = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 } as const;

function useSections(p: Project) {
  const { t, label, lang } = useI18n();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const v = (x: ReactNode) => (x === null || x === undefined || x === '' ? none : x);
  const item = (key: MessageKey, children: ReactNode, span?: number | 'filled'): NonNullable<DescriptionsProps['items']>[number] => ({ key, label: t(key), children: v(children), span });
  const fundingItems = FUNDING_SOURCES.filter((s) => typeof p.funding[s.value] === 'number');

  const sections: { title: MessageKey; items: DescriptionsProps['items'] }[] = [
    {
      title: 'project.section.basic',
      items: [
        item('project.name', p.name, 'filled'),
        item('project.code', p.code ? <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{p.code}</Typography.Text> : null),
        item('project.statsCode', p.statsCode),
        item('project.level', label(PROJECT_LEVELS, p.level)),
        item('project.nature', label(CONSTRUCTION_NATURES, p.nature)),
        item('project.planYear', p.planYear),
        item('project.stage', <StageTag stage={p.stage} />),
      ],
    },
    {
      title: 'project.section.classification',
      items: [
        item('project.category', label(YEAR_CATEGORIES, p.category)),
        item('project.field', label(PROJECT_FIELDS, p.field)),
        item('project.industryCode', p.industryCode),
        item('project.chainTags', p.chainTags.length ? p.chainTags.map((c) => <Tag key={c}>{c}</Tag>) : null),
      ],
    },
    {
      title: 'project.section.investment',
      items: [
        item('project.totalInvestment', <Typography.Text strong data-testid="detail-investment">{formatWan(p.totalInvestment)}</Typography.Text>),
        item('project.investmentType', label(INVESTMENT_TYPES, p.investmentType)),
        item('project.capitalOrigin', label(CAPITAL_ORIGINS, p.capitalOrigin)),
        item('project.ppp', p.ppp ? t('common.yes') : t('common.no')),
        item(
          'project.funding',
          fundingItems.length ? (
            <Space orientation="vertical" size={0}>
              {fundingItems.map((s) => (
                <span key={s.value}>
                  {s[lang]}{lang === 'en' ? ': ' : '：'}{formatWan(p.funding[s.value])}
                </span>
              ))}
            </Space>
          ) : null,
          'filled',
        ),
      ],
    },
    {
      title: 'project.section.location',
      items: [
        item('project.region', p.regionName ?? p.regionCode),
        item('project.location', p.location),
        item('project.landArea', p.landArea != null ? formatNumber(p.landArea) : null),
        item('project.newLand', p.newLand ? t('project.newLandYes') : t('project.newLandNo')),
        item('project.lng', p.lng != null ? p.lng.toFixed(6) : null),
        item('project.lat', p.lat != null ? p.lat.toFixed(6) : null),
      ],
    },
    {
      title: 'project.section.responsibility',
      items: [
        item('project.owner', p.ownerName),
        item('project.ownerCreditCode', p.ownerCreditCode),
        item('project.leaders', p.leaders.length ? p.leaders.map((l) => <Tag key={l.id} color="red">{l.title ? `${l.name}（${l.title}）` : l.name}</Tag>) : null, 'filled'),
        item('project.responsibleDept', p.responsibleDeptName),
        item('project.responsiblePerson', [p.responsiblePerson, p.responsiblePhone].filter(Boolean).join('  ')),
        item('project.liaisonName', [p.liaisonName, p.liaisonPhone].filter(Boolean).join('  ')),
      ],
    },
    {
      title: 'project.section.schedule',
      items: [
        item('project.plannedStart', formatDate(p.plannedStart, lang)),
        item('project.plannedCompletion', formatDate(p.plannedCompletion, lang)),
        item('project.actualStart', formatDate(p.actualStart, lang)),
        item('project.actualCompletion', formatDate(p.actualCompletion, lang)),
      ],
    },
    {
      title: 'project.section.content',
      items: [
        item('project.content', p.content ? <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.content}</div> : null, 'filled'),
        item('project.createdAt', formatDateTime(p.createdAt)),
        item('project.updatedAt', formatDateTime(p.updatedAt)),
      ],
    },
  ];
  return sections;
}

function Sections({ project }: { project: Project }) {
  const { t } = useI18n();
  const sections = useSections(project);
  const narrow = useMedia('(max-width: 575.98px)');
  return (
    <>
      {sections.map((s) => (
        <Card key={s.title} size="small" title={t(s.title)} style={{ marginBottom: 16 }}>
          <Descriptions size="small" bordered column={COLUMNS} items={s.items} styles={{ label: { width: narrow ? 96 : 130 } }} />
        </Card>
      ))}
    </>
  );
}

export function ProjectDetailPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const id = Number(useParams().id);
  const { data: project, error, isPending } = useProject(id);
  const settings = useSettings();
  const audit = useProjectAudit(id, can('audit:read'));
  const remove = useDeleteProject();
  const [stageOpen, setStageOpen] = useState(false);

  if (error) {
    return (
      <Result
        status="404"
        title={errorText(error, lang)}
        extra={
          <Button type="primary" onClick={() => navigate('/projects')}>
            {t('detail.back')}
          </Button>
        }
      />
    );
  }
  if (isPending || !project) return <Skeleton active paragraph={{ rows: 14 }} />;

  const ab = project.abilities ?? { update: false, delete: false, changeStage: false };
  const point = project.lng != null && project.lat != null ? { lng: project.lng, lat: project.lat } : null;

  return (
    <div data-testid="project-detail">
      <div style={{ marginBottom: 8 }}>
        <Link to="/projects">
          <ArrowLeftOutlined /> {t('detail.back')}
        </Link>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle" justify="space-between">
          <Col flex="1 1 320px" style={{ minWidth: 0 }}>
            <Space size={8} wrap align="center">
              <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="project-name">
                {project.name}
              </Typography.Title>
              <StageTag stage={project.stage} />
            </Space>
            <div>
              <Typography.Text type="secondary">
                {[project.code, project.regionName, `${t('project.totalInvestment')} ${formatWan(project.totalInvestment)}`].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
            <LightsHistoryStrip projectId={project.id} />
          </Col>
          <Col flex="0 1 auto">
            <Space wrap>
              {ab.changeStage ? (
                <Button type="primary" icon={<SwapOutlined />} onClick={() => setStageOpen(true)} data-testid="btn-change-stage">
                  {t('detail.changeStage')}
                </Button>
              ) : null}
              {ab.update ? (
                <Button icon={<EditOutlined />} onClick={() => navigate(`/projects/${project.id}/edit`)} data-testid="btn-edit-project">
                  {t('detail.edit')}
                </Button>
              ) : null}
              {ab.delete ? (
                <Popconfirm
                  title={t('common.deleteConfirm', { name: project.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, loading: remove.isPending }}
                  onConfirm={() =>
                    remove.mutateAsync(project.id).then(
                      () => {
                        message.success(t('detail.deleted'));
                        navigate('/projects', { replace: true });
                      },
                      (err: unknown) => {
                        message.error(errorText(err, lang));
                      },
                    )
                  }
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="btn-delete-project">
                    {t('detail.delete')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          </Col>
        </Row>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Sections project={project} />
        </Col>
        <Col xs={24} xl={8}>
          {can('problem:read') ? <ProjectProblemsCard projectId={project.id} style={{ marginBottom: 16 }} /> : null}
          <Card size="small" title={t('detail.stageHistory')} style={{ marginBottom: 16 }}>
            <StageHistory projectId={project.id} />
          </Card>
          <Card size="small" title={t('detail.map')} style={{ marginBottom: 16 }}>
            {point ? (
              <MapView value={point} tileUrl={settings.data?.mapTileUrl} height={260} testId="detail-map" />
            ) : (
              <Typography.Text type="secondary">{t('project.noPoint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      {can('milestone:read') ? (
        <Card size="small" title={t('ms.section')} style={{ marginBottom: 16 }}>
          <ProjectMilestones projectId={project.id} canPlan={ab.update} />
        </Card>
      ) : null}

      {can('approval:read') ? (
        <Card size="small" title={t('ap.project.title')} style={{ marginBottom: 16 }} extra={<Link to={`/projects/${project.id}/approvals`}>{t('ap.project.open')}</Link>}>
          <ProjectApprovalsPanel projectId={project.id} />
        </Card>
      ) : null}

      {can('audit:read') ? (
        <Card size="small" title={t('detail.auditTrail')} style={{ marginBottom: 16 }}>
          <AuditTable items={audit.data?.items ?? []} loading={audit.isPending} hideEntity testId="project-audit" />
        </Card>
      ) : null}

      <StageChangeModal project={project} open={stageOpen} onClose={() => setStageOpen(false)} />
    </div>
  );
}
