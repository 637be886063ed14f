import { Tag, Tooltip } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import { FLAGS, LISTS } from '@tiaodu/contracts';
import { useI18n } from '../../../i18n';
import { RankChangeText } from '../../indicators/components/IndicatorPickers';

export const FLAG_COLORS = { red: '#cf1322', yellow: '#faad14' } as const;

/** 红旗 / 黄旗 as a flag in its colour. */
export function FlagMark({ flag, testId }: { flag: 'red' | 'yellow' | null | undefined; testId?: string }) {
  const { label } = useI18n();
  if (!flag) return null;
  return (
    <Tooltip title={label(FLAGS, flag)}>
      <FlagFilled data-testid={testId} data-flag={flag} aria-label={label(FLAGS, flag)} style={{ color: FLAG_COLORS[flag], fontSize: 16 }} />
    </Tooltip>
  );
}

/** 红榜 / 黑榜. */
export function ListTag({ list, testId }: { list: 'red' | 'black' | null | undefined; testId?: string }) {
  const { label } = useI18n();
  if (!list) return null;
  return (
    <Tag color={list === 'red' ? 'red' : '#262626'} data-testid={testId} data-list={list} style={{ marginInlineEnd: 0 }}>
      {label(LISTS, list)}
    </Tag>
  );
}

/** 约谈: yellow flags in a row reached the scheme's streak. */
export function InterviewTag({ on, testId }: { on: boolean; testId?: string }) {
  const { t } = useI18n();
  if (!on) return null;
  return (
    <Tooltip title={t('comp.interviewHelp')}>
      <Tag color="volcano" data-testid={testId} style={{ marginInlineEnd: 0 }}>
        {t('comp.interview')}
      </Tag>
    </Tooltip>
  );
}

/** 草稿 / 已发布 (and the revision of a corrected period). */
export function ResultStatusTag({ status, revision, testId }: { status: 'draft' | 'published'; revision?: number; testId?: string }) {
  const { t } = useI18n();
  return (
    <span data-testid={testId} data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <Tag color={status === 'draft' ? 'gold' : 'green'} style={{ marginInlineEnd: 4 }}>
        {status === 'draft' ? t('comp.status.draft') : t('comp.status.published')}
      </Tag>
      {revision && revision > 1 ? <Tag>{t('comp.revision', { n: revision })}</Tag> : null}
    </span>
  );
}

export { RankChangeText };

/** Points with up to two decimals, signed when asked: 12.5, +3, −2. */
export function formatPoints(v: number | null | undefined, signed = false): string {
  if (v == null || Number.isNaN(v)) return '—';
  const r = Math.round(v * 100) / 100;
  const s = String(Math.abs(r));
  if (r < 0) return `−${s}`;
  return signed && r > 0 ? `+${s}` : s;
}
