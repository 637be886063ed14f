import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, InputNumber, Slider, Spin, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckOutlined, LeftOutlined, SendOutlined } from '@ant-design/icons';
import type { Nomination, ScoreSheet, TourDetail } from '@tiaodu/contracts';
import { errorText } from '../../../api/errors';
import { useI18n } from '../../../i18n';
import { useCurrentUser } from '../../auth/hooks/useAuth';
import { photoUrl, tourKeys, toursApi } from '../api/tours';
import { categoryLabel } from '../components/labels';
import { liveTotal, move, placePoints, sheetComplete } from '../components/scoring';

/** 评委打分 on a phone at the site: one card per project with a number and a slider per criterion and the live total; or, for rank votes, the projects ordered by dragging or with ↑↓. */
export function ScorePage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const tour = useQuery({ queryKey: tourKeys.one(id), queryFn: () => toursApi.get(id) });
  const sheets = useQuery({ queryKey: tourKeys.sheets(id), queryFn: () => toursApi.sheets(id) });
  const me = useCurrentUser();
  if (tour.isLoading || sheets.isLoading) return <Spin />;
  if (tour.isError || !tour.data) return <Alert type="error" message={errorText(tour.error, lang)} />;
  const d = tour.data;
  const mine = (sheets.data ?? []).filter((s) => s.judgeUserId === me.id);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Link to={`/tours/${id}`}>
        <Button type="link" icon={<LeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('common.back')}
        </Button>
      </Link>
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="score-title">
        {d.name}
      </Typography.Title>
      {!d.abilities.judge ? <Alert type="warning" showIcon message={t('tour.notJudge')} /> : null}
      {d.scoringNote ? <Alert type="info" showIcon message={d.scoringNote} style={{ marginBottom: 12 }} /> : null}
      {d.abilities.judge ? (
        d.method === 'borda' ? (
          <RankingSheet tour={d} sheet={mine.find((s) => s.ranking) ?? null} />
        ) : (
          <>
            <Typography.Text type="secondary">{t('tour.scoreProgress', { done: mine.filter((s) => s.nominationId).length, n: d.nominations.length })}</Typography.Text>
            {d.nominations.length === 0 ? <Empty /> : null}
            {d.nominations.map((n) => (
              <ScoreCard key={n.id} tour={d} n={n} sheet={mine.find((s) => s.nominationId === n.id) ?? null} />
            ))}
          </>
        )
      ) : null}
    </div>
  );
}

function Photos({ tour, n }: { tour: TourDetail; n: Nomination }) {
  if (!n.photos.length) return null;
  return (
    <Flex gap={6} style={{ overflowX: 'auto', marginBottom: 8 }}>
      {n.photos.map((p) => (
        <img key={p.id} src={photoUrl(tour.id, n.id, p.id)} alt={p.name} style={{ height: 72, borderRadius: 4, flex: 'none' }} />
      ))}
    </Flex>
  );
}

function ScoreCard({ tour, n, sheet }: { tour: TourDetail; n: Nomination; sheet: ScoreSheet | null }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [scores, setScores] = useState<Record<string, number | null>>(() => sheet?.scores ?? {});
  const [editing, setEditing] = useState(!sheet);
  useEffect(() => {
    if (sheet?.scores) setScores(sheet.scores);
  }, [sheet]);
  const total = liveTotal(tour.criteria, scores);
  const complete = sheetComplete(tour.criteria, scores);
  const send = useMutation({
    mutationFn: () => {
      const body = { scores: Object.fromEntries(tour.criteria.map((c) => [c.key, scores[c.key] ?? 0])) };
      return sheet ? toursApi.correct(tour.id, sheet.id, body) : toursApi.submit(tour.id, { nominationId: n.id, ...body });
    },
    onSuccess: () => {
      message.success(t('tour.scoreSent'));
      setEditing(false);
      void qc.invalidateQueries({ queryKey: tourKeys.sheets(tour.id) });
      void qc.invalidateQueries({ queryKey: tourKeys.one(tour.id) });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const disabled = !tour.abilities.score || !editing;
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid={`score-card-${n.id}`} data-scored={sheet ? 'yes' : 'no'}
      title={<Typography.Text strong style={{ whiteSpace: 'normal' }}>{n.name}</Typography.Text>}
      extra={sheet ? <Tag color="success" icon={<CheckOutlined />}>{t('tour.scored')}</Tag> : null}>
      <Typography.Text type="secondary">
        {n.regionName} · {categoryLabel(n.category, lang)}
      </Typography.Text>
      <Photos tour={tour} n={n} />
      {tour.criteria.map((c) => (
        <div key={c.key} style={{ marginTop: 8 }}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text>
              {c.name} <Typography.Text type="secondary">（{t('tour.maxPoints', { n: c.max })}）</Typography.Text>
            </Typography.Text>
            <InputNumber
              inputMode="decimal"
              min={0}
              max={c.max}
              step={0.5}
              precision={undefined}
              value={scores[c.key] ?? null}
              disabled={disabled}
              onChange={(v) => setScores((s) => ({ ...s, [c.key]: v === null ? null : Number(v) }))}
              style={{ width: 96 }}
              data-testid={`score-${n.id}-${c.key}`}
            />
          </Flex>
          <Slider min={0} max={c.max} step={0.5} value={scores[c.key] ?? 0} disabled={disabled} onChange={(v) => setScores((s) => ({ ...s, [c.key]: v }))} tooltip={{ open: false }} />
        </div>
      ))}
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text strong data-testid={`score-total-${n.id}`}>
          {t('tour.total', { n: total, max: tour.criteriaMax })}
        </Typography.Text>
        {editing ? (
          <Button type="primary" icon={<SendOutlined />} disabled={!complete || !tour.abilities.score} loading={send.isPending} onClick={() => send.mutate()} data-testid={`score-submit-${n.id}`}>
            {sheet ? t('tour.saveCorrection') : t('tour.submitScore')}
          </Button>
        ) : tour.abilities.score ? (
          <Button onClick={() => setEditing(true)} data-testid={`score-edit-${n.id}`}>
            {t('tour.correct')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

/** A judge's full ranking for a rank-vote tour: drag a card, or press ↑ ↓. */
function RankingSheet({ tour, sheet }: { tour: TourDetail; sheet: ScoreSheet | null }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const initial = useMemo(() => sheet?.ranking ?? tour.nominations.map((n) => n.id), [sheet, tour.nominations]);
  const [order, setOrder] = useState<number[]>(initial);
  const [dragged, setDragged] = useState<number | null>(null);
  useEffect(() => setOrder(initial), [initial]);
  const byId = new Map(tour.nominations.map((n) => [n.id, n]));
  const send = useMutation({
    mutationFn: () => (sheet ? toursApi.correct(tour.id, sheet.id, { ranking: order }) : toursApi.submit(tour.id, { ranking: order })),
    onSuccess: () => {
      message.success(t('tour.scoreSent'));
      void qc.invalidateQueries({ queryKey: tourKeys.sheets(tour.id) });
    },
    onError: (e) => message.error(errorText(e, lang)),
  });
  const disabled = !tour.abilities.score;
  return (
    <div data-testid="ranking-sheet">
      <Typography.Paragraph type="secondary">{t('tour.rankingHint')}</Typography.Paragraph>
      {order.map((id, i) => {
        const n = byId.get(id);
        if (!n) return null;
        return (
          <Card
            key={id}
            size="small"
            style={{ marginBottom: 8, opacity: dragged === i ? 0.5 : 1 }}
            draggable={!disabled}
            onDragStart={() => setDragged(i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragged === null || dragged === i) return;
              const next = [...order];
              const [x] = next.splice(dragged, 1);
              next.splice(i, 0, x!);
              setOrder(next);
              setDragged(null);
            }}
            data-testid={`rank-item-${id}`}
          >
            <Flex justify="space-between" align="center" gap={8}>
              <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                <Tag color="blue">{t('tour.place', { n: i + 1, p: placePoints(i + 1) })}</Tag>
                <Typography.Text style={{ whiteSpace: 'normal' }}>{n.name}</Typography.Text>
              </Flex>
              <Flex gap={4}>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={disabled || i === 0} onClick={() => setOrder(move(order, i, -1))} aria-label={t('tour.up')} data-testid={`rank-up-${id}`} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={disabled || i === order.length - 1} onClick={() => setOrder(move(order, i, 1))} aria-label={t('tour.down')} data-testid={`rank-down-${id}`} />
              </Flex>
            </Flex>
          </Card>
        );
      })}
      <Button type="primary" block icon={<SendOutlined />} disabled={disabled} loading={send.isPending} onClick={() => send.mutate()} data-testid="ranking-submit">
        {sheet ? t('tour.saveCorrection') : t('tour.submitRanking')}
      </Button>
    </div>
  );
}


