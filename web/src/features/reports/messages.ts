import type { Messages } from '../../i18n/messages';

/** Texts of the monthly reports (月报): the pages write their own words; only the menu needs these. */
export const reportMessages = {
  'nav.reportFill': ['月报填报', 'Monthly reports'],
  'nav.reportReview': ['月报审核', 'Report review'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    reports: typeof reportMessages;
  }
}
