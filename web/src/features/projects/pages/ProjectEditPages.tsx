import { useMemo, useState } from 'react';
import type { Project } from '@tiaodu/contracts';
import { App, Button, Form, Result, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { useCurrentUser } from '../../auth/hooks/useAuth';
import { PROJECT_FORM_FIELDS, ProjectForm, projectToValues, toProjectInput, type ProjectFormValues } from '../components/ProjectForm';
import { useCreateProject, useProject, useUpdateProject } from '../hooks/useProjects';

const isFormField = (name: (string | number)[]) => (PROJECT_FORM_FIELDS as readonly (string | number)[]).includes(name[0] ?? '');

export function ProjectCreatePage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<ProjectFormValues>();
  const create = useCreateProject();

  const initialValues = useMemo<Partial<ProjectFormValues>>(
    () => ({
      level: 'county',
      nature: 'new',
      category: 'new_start',
      field: 'industry',
      investmentType: 'enterprise',
      capitalOrigin: 'domestic',
      planYear: new Date().getFullYear(),
      ppp: false,
      newLand: true,
      chainTags: [],
      leaderIds: [],
      funding: {},
      regionCode: user.scopeType === 'region' && user.regionCode ? user.regionCode : undefined,
      responsibleDeptId: user.scopeType === 'department' && user.departmentId ? user.departmentId : undefined,
    }),
    [user],
  );

  return (
    <div>
      <PageHeader title={t('projectForm.createTitle')} />
      <ProjectForm
        form={form}
        mode="create"
        initialValues={initialValues}
        submitting={create.isPending}
        onCancel={() => navigate(-1)}
        onSubmit={(v) =>
          create.mutate(toProjectInput(v), {
            onSuccess: (p) => {
              message.success(t('projectForm.created'));
              navigate(`/projects/${p.id}`, { replace: true });
            },
            onError: (err) => {
              applyFieldErrors(form, err, isFormField);
              message.error(errorText(err, lang));
            },
          })
        }
      />
    </div>
  );
}

export function ProjectEditPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: project, error, isPending } = useProject(id);

  if (error) return <Result status="404" title={errorText(error, lang)} extra={<Button onClick={() => navigate('/projects')}>{t('detail.back')}</Button>} />;
  if (isPending || !project) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (project.abilities && !project.abilities.update) return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return <EditProject key={project.id} project={project} />;
}

/** The form keeps the version it was loaded with, so a change made meanwhile by someone else is refused (409), not overwritten. */
function EditProject({ project }: { project: Project }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectFormValues>();
  const update = useUpdateProject(project.id);
  const [baseVersion, setBaseVersion] = useState(project.version);
  const [initialValues] = useState(() => projectToValues(project));

  return (
    <div>
      <PageHeader title={t('projectForm.editTitle', { name: project.name })} />
      <ProjectForm
        form={form}
        mode="edit"
        initialValues={initialValues}
        knownOwner={project.ownerEnterpriseId && project.ownerName ? { id: project.ownerEnterpriseId, name: project.ownerName } : null}
        submitting={update.isPending}
        onCancel={() => navigate(`/projects/${project.id}`)}
        onSubmit={(v) => {
          const { stage: _stage, ...input } = toProjectInput(v);
          update.mutate(
            { ...input, version: baseVersion },
            {
              onSuccess: (p) => {
                setBaseVersion(p.version);
                message.success(t('projectForm.updated'));
                navigate(`/projects/${p.id}`, { replace: true });
              },
              onError: (err) => {
                applyFieldErrors(form, err, isFormField);
                message.error(errorText(err, lang));
              },
            },
          );
        }}
      />
    </div>
  );
}
