import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Collapse, Empty, Flex, Input, List, Modal, Result, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { CalculatorOutlined, EditOutlined, FileExcelOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { COMPETITION_CADENCES, type Competition, type CompetitionResults, type FieldIssue } from '@tiaodu/contracts';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useUrlParams } from '../../../hooks/useUrlParams';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/useAuth';
import { periodName, todayInChina } from '../../indicators/components/figures';
import { competitionKeys, competitionsApi } from '../api/competitions';
import { AdjustmentsPanel } from '../components/AdjustmentsPanel';
import { FlagHistory } from '../components/FlagHistory';
import { LeaderboardView } from '../components/LeaderboardView';
import { ResultStatusTag } from '../components/Marks';
import { defaultPeriod, periodChoices } from '../components/periods';
import { SequenceTables } from '../components/SequenceTables';
import { VersionsTable } from '../components/VersionsTable';
import { useCompetition, useResults } from '../hooks/useCompetitions';

/** The period picker of the overview: the computed periods (with their state), then those that can be computed. */
function PeriodPicker({ competition, value, onChange, computes }: { competition: Competition; value: string; onChange: (p: string) => void; computes: boolean }) {
  const { t, lang } = useI18n();
  const status = new Map(competition.periods.map((p) => [p.period, p]));
  const all = periodChoices(competition.cadence, competition.year, competition.periods.map((p) => p.period), todayInChina());
  // those who do not compute see the published periods only
  const choices = computes ? all : { ...all, computed: all.computed.filter((p) => status.get(p)?.status === 'published'), open: [] };
  const mark = (p: string) => {
    const s = status.get(p);
    return s ? (s.status === 'draft' ? ` · ${t('comp.status.draft')}` : ` · ${t('comp.status.published')}`) : '';
  };
  const options = [
    ...(choices.computed.length ? [{ label: t('comp.period.computed'), options: choices.computed.map((p) => ({ value: p, label: `${periodName(p, lang)}${mark(p)}` })) }] : []),
    ...(choices.open.length ? [{ label: t('comp.period.open'), options: choices.open.map((p) => ({ value: p, label: `${periodName(p, lang)}${p === choices.next ? ` · ${t('comp.period.next')}` : ''}` })) }] : []),
  ];
  return <Select data-testid="competition-period" aria-label={t('comp.col.period')} style={{ width: 230 }} value={value} onChange={onChange} options={options} showSearch={{ optionFilterProp: 'label' }} />;
}

/** The inputs a publication lacks (the error details of a refused publication), as a list. */
export function MissingList({ details }: { details: FieldIssue[] }) {
  return (
    <List
      size="small"
      data-testid="publish-missing"
      dataSource={details}
      style={{ maxHeight: 360, overflow: 'auto' }}
      renderItem={(d) => (
        <List.Item>
          <Typography.Text>{d.message}</Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** 擂台赛: a competition's scores of a period — compute, publish, export — and its leaderboard, flags, adjustments and versions. */
export function CompetitionPage() {
  const { t, lang, label } = useI18n();
  const { message, modal } = App.useApp();
  const can = useCan();
  const qc = useQueryClient();
  const id = Number(useParams().id);
  const [sp, update] = useUrlParams();
  const comp = useCompetition(id);
  const c = comp.data;
  const computes = can('competition:compute');
  const visible = c ? c.periods.filter((p) => computes || p.status === 'published').map((p) => p.period) : [];
  const period = c ? (sp.get('period') ?? defaultPeriod(c.cadence, c.year, visible)) : null;
  const tab = sp.get('tab') ?? 'results';
  const set = (k: string, v: string) =>
    update((cur) => {
      cur.set(k, v);
      return cur;
    });
  const results = useResults(id, period);
  const r = results.data;
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');

  const afterChange = (res: CompetitionResults) => {
    qc.setQueryData(competitionKeys.results(id, res.period), res);
    void qc.invalidateQueries({ queryKey: competitionKeys.one(id) });
    void qc.invalidateQueries({ queryKey: competitionKeys.list });
    void qc.invalidateQueries({ queryKey: competitionKeys.flags(id) });
    void qc.invalidateQueries({ queryKey: ['competitions', id, 'leaderboard'] });
    void qc.invalidateQueries({ queryKey: ['competitions', id, 'contestant'] });
  };
  const compute = useMutation({
    mutationFn: (why: string | null) => competitionsApi.compute(id, period!, why),
    onSuccess: (res) => {
      afterChange(res);
      setReasonOpen(false);
      setReason('');
      message.success(t('comp.computed', { period: res.periodLabel }));
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const publish = useMutation({
    mutationFn: () => competitionsApi.publish(id, period!),
    onSuccess: (res) => {
      afterChange(res);
      message.success(t('comp.publishedOk', { period: res.periodLabel }));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) {
        modal.error({ title: t('comp.publishRefused'), width: 560, okButtonProps: { 'data-testid': 'publish-missing-ok' } as never, content: <div><Typography.Paragraph>{e.message}</Typography.Paragraph><MissingList details={e.details} /></div> });
      } else message.error(errorText(e, lang));
    },
  });
  const onCompute = () => (r?.status === 'published' ? setReasonOpen(true) : compute.mutate(null));
  const onPublish = () =>
    modal.confirm({
      title: t('comp.publishConfirm', { period: periodName(period!, lang) }),
      content: t('comp.publishHelp'),
      okText: t('comp.publish'),
      okButtonProps: { 'data-testid': 'publish-ok' } as never,
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });

  if (comp.isPending) return <Skeleton active />;
  if (comp.error || !c) return <Result status="404" subTitle={comp.error ? errorText(comp.error, lang) : t('app.notFound')} extra={<Link to="/competitions">{t('common.back')}</Link>} />;

  const resultsTab = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {results.isPending ? (
        <Skeleton active />
      ) : results.error ? (
        <Alert type="error" message={errorText(results.error, lang)} />
      ) : !r ? (
        <Empty description={t(computes ? 'comp.notComputed' : 'comp.notPublished', { period: periodName(period!, lang) })} data-testid="results-empty" />
      ) : (
        <>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">
              {t('comp.computedAt', { at: formatDateTime(r.computedAt), v: r.schemeVersion })}
              {r.publishedAt ? ` · ${t('comp.publishedAt', { at: formatDateTime(r.publishedAt) })}` : ''}
            </Typography.Text>
            {r.parts.length ? <Typography.Text type="secondary">{t('comp.parts', { parts: r.parts.map((p) => periodName(p, lang)).join('、') })}</Typography.Text> : null}
            {r.flagsAwarded ? <Tag color="red">{t('comp.flagsAwarded')}</Tag> : null}
            {r.listsAwarded ? <Tag color="purple">{t('comp.listsAwarded')}</Tag> : null}
            {r.reason ? <Typography.Text type="warning">{t('comp.correction', { reason: r.reason })}</Typography.Text> : null}
          </Flex>
          {r.stale && r.status === 'draft' ? <Alert type="warning" showIcon message={t('comp.stale')} data-testid="results-stale" /> : null}
          {r.missing.length ? (
            <Collapse
              size="small"
              data-testid="results-missing"
              items={[
                {
                  key: 'm',
                  label: <Typography.Text type="warning">{t('comp.missing', { n: r.missing.length })}</Typography.Text>,
                  children: <MissingList details={r.missing.map((m) => ({ path: `${m.contestantId}.${m.itemId}`, message: `${m.name} · ${m.item}：${m.reason}` }))} />,
                },
              ]}
            />
          ) : null}
          <SequenceTables results={r} competitionId={id} />
        </>
      )}
    </Space>
  );

  return (
    <div>
      <PageHeader
        title={<span data-testid="competition-title">{c.name}</span>}
        sub={`${c.year} · ${label(COMPETITION_CADENCES, c.cadence)} · ${t('comp.list.size', { s: c.sequenceCount, c: c.contestantCount, i: c.itemCount })} · v${c.version}`}
        extra={
          <>
            <Link to="/competitions">
              <Button>{t('comp.all')}</Button>
            </Link>
            {c.public ? (
              <a href="/public/competitions" target="_blank" rel="noreferrer">
                <Button>{t('comp.publicSite')}</Button>
              </a>
            ) : null}
            {can('competition:manage') ? (
              <Link to={`/competitions/${id}/scheme`}>
                <Button icon={<EditOutlined />} data-testid="competition-edit">
                  {t('comp.editScheme')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          {period ? <PeriodPicker competition={c} value={period} onChange={(p) => set('period', p)} computes={computes} /> : null}
          {r ? <ResultStatusTag status={r.status} revision={r.revision} testId="results-status" /> : results.isSuccess ? <Badge status="default" text={t('comp.status.none')} /> : null}
          <span style={{ flex: 1 }} />
          {can('competition:compute') ? (
            <>
              <Button icon={<CalculatorOutlined />} loading={compute.isPending} onClick={onCompute} data-testid="competition-compute">
                {r ? t('comp.recompute') : t('comp.compute')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} disabled={!r || r.status === 'published'} loading={publish.isPending} onClick={onPublish} data-testid="competition-publish">
                {t('comp.publish')}
              </Button>
              <Button icon={<FileExcelOutlined />} disabled={!r} onClick={() => void competitionsApi.exportXlsx(id, period!, c.name).catch((e) => message.error(errorText(e, lang)))} data-testid="competition-export">
                {t('comp.export')}
              </Button>
            </>
          ) : null}
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k)}
          items={[
            { key: 'results', label: t('comp.tab.results'), children: resultsTab },
            { key: 'board', label: t('comp.tab.board'), children: <LeaderboardView competitionId={id} year={c.year} /> },
            { key: 'flags', label: t('comp.tab.flags'), children: <FlagHistory competitionId={id} /> },
            { key: 'adjustments', label: t('comp.tab.adjustments'), children: period ? <AdjustmentsPanel key={period} competition={c} period={period} /> : null },
            { key: 'versions', label: t('comp.tab.versions'), children: <VersionsTable competition={c} /> },
          ]}
        />
      </Card>
      <Modal
        open={reasonOpen}
        title={t('comp.correctTitle', { period: periodName(period ?? '', lang) })}
        okText={t('comp.recompute')}
        okButtonProps={{ disabled: !reason.trim(), loading: compute.isPending, 'data-testid': 'correct-ok' } as never}
        onOk={() => compute.mutate(reason.trim())}
        onCancel={() => setReasonOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('comp.correctHelp')}</Typography.Paragraph>
        <Input.TextArea data-testid="correct-reason" rows={3} maxLength={300} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('comp.correctReason')} />
      </Modal>
    </div>
  );
}
