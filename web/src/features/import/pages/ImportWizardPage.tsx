import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Result, Row, Steps, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { PageHeader } from '../../../components/PageHeader';
import { importApi, jobErrorText, toMapping, type Assignment, type ImportChoices, type ImportInspect, type ImportMatches, type ImportOptions } from '../api/import';
import { useImportJob } from '../hooks/useImport';
import { MappingTable } from '../components/MappingTable';
import { UploadBox } from '../components/UploadBox';
import { ImportErrors, ImportPreview, ImportSummary, JobProgress } from '../components/JobResult';
import { RecentJobs } from '../components/RecentJobs';
import { ImportChanges, ImportMatchTable, ImportToCreate } from '../components/ImportExtras';
import { RegionTreeSelect } from '../../org/components/RegionTreeSelect';
import { orgKeys } from '../../org/hooks/useLookups';
import { setupKeys } from '../../setup/api';

/** The server's recognition of each column, as the starting point of the mapping step. */
function initialAssignment(inspect: ImportInspect): Assignment {
  const a: Assignment = {};
  for (const c of inspect.columns) a[c.letter] = c.field ?? '';
  return a;
}

/** Upload → map columns → dry run → import, with progress while the server works. */
export function ImportWizardPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [inspect, setInspect] = useState<ImportInspect | null>(null);
  const [assign, setAssign] = useState<Assignment>({});
  const [opts, setOpts] = useState<ImportOptions>({});
  const [choices, setChoices] = useState<ImportChoices>({});
  /** Matches changed since the last dry run: the import waits for a new one. */
  const [matchesDirty, setMatchesDirty] = useState(false);
  const qc = useQueryClient();
  const [dryJobId, setDryJobId] = useState<string | null>(null);
  const [realJobId, setRealJobId] = useState<string | null>(null);

  const dryJob = useImportJob(dryJobId);
  const realJob = useImportJob(realJobId);

  const inspectMutation = useMutation({
    mutationFn: (v: { file: File; opts: ImportOptions }) => importApi.inspect(v.file, v.opts),
    onSuccess: (r) => {
      setInspect(r);
      setOpts({ sheet: r.sheet, headerRow: r.headerRow });
      setAssign(initialAssignment(r));
      setChoices((c) => ({ defaultRegionCode: c.defaultRegionCode ?? r.defaultRegionCode, createMissing: r.canCreateMissing ? (c.createMissing ?? true) : undefined, matches: c.matches }));
      setStep(1);
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  const startMutation = useMutation({
    mutationFn: (v: { dryRun: boolean }) => importApi.start(file!, v.dryRun, toMapping(assign, inspect?.columns ?? []), opts, choices),
    onSuccess: (r, v) => {
      setMatchesDirty(false);
      if (v.dryRun) {
        setDryJobId(r.jobId);
        setStep(2);
      } else {
        setRealJobId(r.jobId);
        setStep(3);
      }
    },
    onError: (e) => message.error(errorText(e, lang)),
  });

  /** Back to the first step, optionally with a new (corrected) file already chosen. */
  const restart = (next: File | null = null) => {
    setStep(0);
    setFile(next);
    setInspect(null);
    setAssign({});
    setOpts({});
    setChoices({});
    setMatchesDirty(false);
    setDryJobId(null);
    setRealJobId(null);
  };

  const template = async () => {
    try {
      await importApi.template();
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  const dry = dryJob.data;
  const dryResult = dry?.status === 'done' ? dry.result : undefined;
  const dryEmpty = Boolean(dryResult && dryResult.created + dryResult.updated + (dryResult.unchanged ?? 0) === 0);
  const real = realJob.data;
  const realResult = real?.status === 'done' ? real.result : undefined;
  const created = realResult?.toCreate;
  const createdUnits = created?.departments.length ?? 0;
  const createdLeaders = created?.leaders.length ?? 0;
  const changeMatches = (m: ImportMatches) => {
    setChoices((c) => ({ ...c, matches: m }));
    setMatchesDirty(true);
  };

  // Units and leaders an import created show in their lists and in the checklist.
  useEffect(() => {
    if (!realResult || realResult.errors.length) return;
    void qc.invalidateQueries({ queryKey: orgKeys.departments });
    void qc.invalidateQueries({ queryKey: orgKeys.leaders });
    void qc.invalidateQueries({ queryKey: orgKeys.peopleAll });
    void qc.invalidateQueries({ queryKey: setupKeys.status });
    void qc.invalidateQueries({ queryKey: ['import-jobs'] });
  }, [realResult, qc]);

  return (
    <div>
      <PageHeader
        title={t('import.title')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void template()} data-testid="import-template">
            {t('import.template')}
          </Button>
        }
      />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          responsive
          items={[{ title: t('import.step.upload') }, { title: t('import.step.mapping') }, { title: t('import.step.dryRun') }, { title: t('import.step.confirm') }]}
        />

        {step === 0 ? (
          <div>
            <UploadBox file={file} onFile={setFile} />
            <Flex justify="flex-end" style={{ marginTop: 16 }}>
              <Button type="primary" disabled={!file} loading={inspectMutation.isPending} onClick={() => file && inspectMutation.mutate({ file, opts: {} })} data-testid="import-next">
                {t('import.next')}
              </Button>
            </Flex>
            <RecentJobs />
          </div>
        ) : null}

        {step === 1 && inspect ? (
          <div>
            {file ? <Typography.Paragraph type="secondary">{t('import.file', { name: file.name })}</Typography.Paragraph> : null}
            <Row gutter={[16, 8]} style={{ marginBottom: 12 }} data-testid="import-options">
              <Col xs={24} md={12}>
                <Typography.Text type="secondary">{t('import.defaultRegion')}</Typography.Text>
                <RegionTreeSelect
                  style={{ width: '100%' }}
                  value={choices.defaultRegionCode ?? undefined}
                  onChange={(v) => setChoices((c) => ({ ...c, defaultRegionCode: v ?? null }))}
                  treeDefaultExpandAll={false}
                  data-testid="import-default-region"
                />
                <Typography.Text type={inspect.regionColumn ? 'secondary' : 'warning'} style={{ fontSize: 12 }} data-testid="import-default-region-help">
                  {inspect.regionColumn ? t('import.defaultRegionHelpCol') : t('import.defaultRegionHelp')}
                </Typography.Text>
              </Col>
              {inspect.canCreateMissing ? (
                <Col xs={24} md={12}>
                  <div style={{ paddingTop: 22 }}>
                    <Checkbox checked={choices.createMissing ?? true} onChange={(e) => setChoices((c) => ({ ...c, createMissing: e.target.checked }))} data-testid="import-create-missing">
                      {t('import.createMissing')}
                    </Checkbox>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('import.createMissingHelp')}
                      </Typography.Text>
                    </div>
                  </div>
                </Col>
              ) : null}
            </Row>
            <MappingTable
              regionOptional={Boolean(choices.defaultRegionCode)}
              inspect={inspect}
              assign={assign}
              onAssign={setAssign}
              reinspecting={inspectMutation.isPending}
              onReinspect={(o) => file && inspectMutation.mutate({ file, opts: o })}
            />
            <Flex justify="space-between" style={{ marginTop: 16 }}>
              <Button onClick={() => restart()}>{t('import.prev')}</Button>
              <Button type="primary" loading={startMutation.isPending} onClick={() => startMutation.mutate({ dryRun: true })} data-testid="import-dryrun">
                {t('import.startDryRun')}
              </Button>
            </Flex>
          </div>
        ) : null}

        {step === 2 ? (
          <div>
            {!dry || dry.status === 'running' ? <JobProgress job={dry} /> : null}
            {dryJob.error ? <Alert type="error" showIcon title={errorText(dryJob.error, lang)} /> : null}
            {dry?.status === 'failed' ? <Alert type="error" showIcon title={t('import.failed')} description={jobErrorText(dry.error)} data-testid="import-failed" /> : null}
            {dryResult ? (
              <div>
                <ImportSummary result={dryResult} />
                <ImportToCreate result={dryResult} />
                <ImportMatchTable result={dryResult} matches={choices.matches} onChange={changeMatches} />
                {matchesDirty ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('import.matched.changedText')}
                    action={
                      <Button size="small" type="primary" loading={startMutation.isPending} onClick={() => startMutation.mutate({ dryRun: true })} data-testid="import-rerun">
                        {t('import.rerun')}
                      </Button>
                    }
                  />
                ) : null}
                {dryResult.errors.length ? (
                  <>
                    <ImportErrors errors={dryResult.errors} />
                    <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>{t('import.fixAndUpload')}</Typography.Paragraph>
                    <UploadBox file={null} onFile={(f) => f && restart(f)} compact />
                  </>
                ) : dryEmpty ? (
                  <Alert type="warning" showIcon title={t('import.noRows')} data-testid="import-empty" />
                ) : (
                  <>
                    <Alert type="success" showIcon title={t('import.dryRunOk')} style={{ marginBottom: 12 }} />
                    {dryResult.preview?.length ? <ImportPreview rows={dryResult.preview} /> : null}
                    <ImportChanges changes={dryResult.changes ?? []} preview={dryResult.preview} />
                  </>
                )}
              </div>
            ) : null}
            {dry && dry.status !== 'running' ? (
              <Flex justify="space-between" style={{ marginTop: 16 }} gap={8} wrap>
                <Flex gap={8}>
                  <Button onClick={() => restart()} data-testid="import-restart">
                    {t('import.uploadAgain')}
                  </Button>
                  <Button onClick={() => setStep(1)}>{t('import.prev')}</Button>
                </Flex>
                {dryResult && dryResult.errors.length === 0 && !dryEmpty ? (
                  <Button type="primary" disabled={matchesDirty} loading={startMutation.isPending} onClick={() => startMutation.mutate({ dryRun: false })} data-testid="import-confirm">
                    {t('import.confirm')}
                  </Button>
                ) : null}
              </Flex>
            ) : null}
          </div>
        ) : null}

        {step === 3 ? (
          <div>
            {!real || real.status === 'running' ? <JobProgress job={real} /> : null}
            {realJob.error ? <Alert type="error" showIcon title={errorText(realJob.error, lang)} /> : null}
            {real?.status === 'failed' ? <Alert type="error" showIcon title={t('import.failed')} description={jobErrorText(real.error)} data-testid="import-failed" /> : null}
            {realResult && realResult.errors.length ? <ImportErrors errors={realResult.errors} /> : null}
            {realResult && realResult.errors.length === 0 ? (
              <div data-testid="import-result">
                <Result
                  status="success"
                  title={t('import.done')}
                  subTitle={
                    t('import.doneText', { created: realResult.created, updated: realResult.updated, unchanged: realResult.unchanged ?? 0 }) +
                    (createdUnits + createdLeaders ? ` ${t('import.created.extra', { d: createdUnits, l: createdLeaders })}` : '')
                  }
                  extra={[
                    <Button type="primary" key="ledger" onClick={() => navigate('/projects')}>
                      {t('import.toLedger')}
                    </Button>,
                    <Button key="again" onClick={() => restart()}>
                      {t('import.again')}
                    </Button>,
                  ]}
                />
              </div>
            ) : null}
            {real && real.status !== 'running' && !(realResult && realResult.errors.length === 0) ? (
              <Flex style={{ marginTop: 16 }}>
                <Button onClick={() => restart()}>{t('import.uploadAgain')}</Button>
              </Flex>
            ) : null}
          </div>
        ) : null}
      </Card>
    </div>
  );
}
