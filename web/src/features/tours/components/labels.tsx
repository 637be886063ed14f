import { Tag } from 'antd';
import { NOMINATION_CATEGORIES, TOUR_METHODS, TOUR_STATUSES, type NominationCategory, type TourMethod, type TourStatus } from '@tiaodu/contracts';
import type { Lang } from '../../../i18n';

const COLOR: Record<TourStatus, string> = { draft: 'default', open: 'processing', closed: 'success' };

export function TourStatusTag({ status, lang }: { status: TourStatus; lang: Lang }) {
  const l = TOUR_STATUSES.find((s) => s.value === status)!;
  return (
    <Tag color={COLOR[status]} data-testid="tour-status" data-status={status}>
      {l[lang]}
    </Tag>
  );
}

export const methodLabel = (m: TourMethod, lang: Lang) => TOUR_METHODS.find((x) => x.value === m)![lang];
export const categoryLabel = (c: NominationCategory, lang: Lang) => NOMINATION_CATEGORIES.find((x) => x.value === c)![lang];
/** 第3次 / Round 3 */
export const roundLabel = (n: number, lang: Lang) => (lang === 'zh' ? `第${n}次` : `Round ${n}`);
