import { Card, Empty, Flex, Layout, Result, Select, Skeleton, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { LangSwitch } from '../../../app/LangSwitch';
import { periodName } from '../../indicators/components/figures';
import { competitionKeys, competitionsApi, type PublicCompetition } from '../api/competitions';
import { byPeriod } from '../components/periods';
import { SequenceTables } from '../components/SequenceTables';

const latestOf = (c: PublicCompetition) => [...c.periods].sort((a, b) => byPeriod(a.period, b.period)).at(-1)?.period ?? null;

/**
 * 信息公开: the published scores of the competitions (ranks, flags, lists) for anyone, without
 * signing in. `/public/competitions` opens the latest published period of the first one.
 */
export function PublicCompetitionsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const params = useParams();
  const index = useQuery({ queryKey: competitionKeys.publicList, queryFn: competitionsApi.publicList });
  const list = (index.data ?? []).filter((c) => c.periods.length);
  const chosen = params.id ? list.find((c) => c.id === Number(params.id)) : list[0];
  const period = params.period ?? (chosen ? latestOf(chosen) : null);
  const id = chosen?.id ?? (params.id ? Number(params.id) : 0);
  const results = useQuery({ queryKey: competitionKeys.publicResults(id, period ?? ''), queryFn: () => competitionsApi.publicResults(id, period!), enabled: id > 0 && !!period });
  const r = results.data;
  const go = (cid: number, p: string | null) => navigate(p ? `/public/competitions/${cid}/${p}` : `/public/competitions`, { replace: true });
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#b71c1c', display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 16px' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }} ellipsis>
          {t('comp.pub.title')}
        </Typography.Text>
        <Flex gap={8} align="center" style={{ flexShrink: 0 }}>
          <span style={{ filter: 'invert(1)' }}>
            <LangSwitch compact />
          </span>
          <Link to="/login" style={{ color: '#fff' }}>
            {t('comp.pub.login')}
          </Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('comp.pub.sub')}</Typography.Text>
          {index.isPending ? (
            <Skeleton active />
          ) : index.error ? (
            <Result status="warning" subTitle={errorText(index.error, lang)} />
          ) : !list.length ? (
            <Empty description={t('comp.pub.none')} data-testid="public-comp-empty" />
          ) : (
            <>
              <Flex gap={8} wrap>
                <Select
                  style={{ width: 320, maxWidth: '100%' }}
                  aria-label={t('comp.pub.chooseCompetition')}
                  data-testid="public-comp-competition"
                  value={chosen?.id}
                  onChange={(v) => {
                    const c = list.find((x) => x.id === v);
                    go(v, c ? latestOf(c) : null);
                  }}
                  options={list.map((c) => ({ value: c.id, label: c.name }))}
                />
                {chosen ? (
                  <Select
                    style={{ width: 220, maxWidth: '100%' }}
                    aria-label={t('comp.pub.choosePeriod')}
                    data-testid="public-comp-period"
                    value={period}
                    onChange={(p) => go(chosen.id, p)}
                    options={[...chosen.periods].sort((a, b) => byPeriod(b.period, a.period)).map((p) => ({ value: p.period, label: periodName(p.period, lang) }))}
                  />
                ) : null}
              </Flex>
              {results.error ? (
                <Result status="404" subTitle={errorText(results.error, lang)} />
              ) : !r ? (
                <Skeleton active />
              ) : (
                <Card size="small" title={<span data-testid="public-comp-title">{`${r.competition} · ${periodName(r.period, lang)}`}</span>}>
                  <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                    <Typography.Text type="secondary">{t('comp.pub.at', { at: formatDateTime(r.publishedAt) })}</Typography.Text>
                    <SequenceTables results={r} testPrefix="pub" />
                  </Space>
                </Card>
              )}
            </>
          )}
        </Space>
      </Layout.Content>
    </Layout>
  );
}
