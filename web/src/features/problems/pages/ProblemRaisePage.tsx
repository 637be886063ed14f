import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Upload, type UploadFile } from 'antd';
import { LeftOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { PROBLEM_CATEGORIES } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { applyFieldErrors, errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { problemKeys, problemsApi } from '../api/problems';

interface Values {
  projectId: number;
  category: string;
  title: string;
  description: string;
}

/** 提出问题: one column, usable on a phone; files go up after the problem exists. */
export function ProblemRaisePage() {
  const { t, lang, options } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [sp] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preset = Number(sp.get('projectId')) || undefined;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const p = await problemsApi.raise({ ...v, title: v.title.trim(), description: v.description.trim() });
      const raw = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
      if (raw.length) {
        try {
          await problemsApi.upload(p.id, raw);
        } catch (e) {
          message.error(errorText(e, lang));
        }
      }
      void qc.invalidateQueries({ queryKey: problemKeys.all });
      message.success(t('problems.raised'));
      navigate(`/problems/${p.id}`);
    } catch (e) {
      applyFieldErrors(form, e);
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <Link to="/problems" style={{ display: 'inline-block', marginBottom: 8 }}>
        <LeftOutlined /> {t('problems.detail.back')}
      </Link>
      <PageHeader title={t('problems.raise')} />
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ projectId: preset }} data-testid="raise-form">
          <Form.Item name="projectId" label={t('problems.field.project')} rules={[{ required: true, message: t('problems.field.projectRequired') }]}>
            <ProjectSelect onChange={(id) => form.setFieldsValue({ projectId: id })} placeholder={t('problems.field.projectSearch')} style={{ width: '100%' }} testId="raise-project" />
          </Form.Item>
          <Form.Item name="category" label={t('problems.field.category')} rules={[{ required: true, message: t('problems.field.categoryRequired') }]}>
            <Select options={options(PROBLEM_CATEGORIES)} data-testid="raise-category" />
          </Form.Item>
          <Form.Item name="title" label={t('problems.field.title')} rules={[{ required: true, whitespace: true, message: t('problems.field.titleRequired') }]}>
            <Input maxLength={100} showCount />
          </Form.Item>
          <Form.Item name="description" label={t('problems.field.description')} rules={[{ required: true, whitespace: true, message: t('problems.field.descriptionRequired') }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('problems.field.descriptionPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('problems.field.files')} extra={t('problems.field.filesHelp')}>
            <Upload
              multiple
              fileList={files}
              accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx"
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList.slice(0, 5))}
            >
              <Button icon={<UploadOutlined />}>{t('problems.upload')}</Button>
            </Upload>
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="raise-submit">
            {t('problems.raise')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
