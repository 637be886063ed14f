import type { Messages } from '../../i18n/messages';

/** Texts of the leaders' dashboard (领导驾驶舱): the page writes its own words; only the menu needs these. */
export const dashboardMessages = {
  'nav.dashboard': ['领导驾驶舱', 'Dashboard'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    dashboard: typeof dashboardMessages;
  }
}
