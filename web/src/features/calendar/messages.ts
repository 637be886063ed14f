import type { Messages } from '../../i18n/messages';

/** Texts of the working-day calendar (工作日历). */
export const calendarMessages = {
  'nav.calendar': ['工作日历', 'Working-day calendar'],
  'cal.sub': ['法定节假日与调休依国务院办公厅通知（chinese-days 数据），可按本地情况调整', 'Official holidays and adjusted workdays, with local overrides'],
  'cal.holiday': ['法定节假日', 'Public holiday'],
  'cal.adjusted': ['调休上班', 'Adjusted workday'],
  'cal.weekend': ['周末', 'Weekend'],
  'cal.override': ['本地调整', 'Local override'],
  'cal.workday': ['工作日', 'Workday'],
  'cal.restday': ['休息日', 'Day off'],
  'cal.work': ['班', 'work'],
  'cal.rest': ['休', 'off'],
  'cal.clickHelp': ['点击日期可调整', 'Click a day to change it'],
  'cal.official': ['法定日历', 'Official'],
  'cal.setAs': ['设为', 'Set as'],
  'cal.name': ['名称', 'Name'],
  'cal.namePh': ['如：县庆、抢工', 'e.g. local holiday'],
  'cal.unset': ['撤销调整', 'Remove override'],
  'cal.noOfficial': ['{y}年的法定节假日安排尚未收录（只按周末计算），请按国务院办公厅通知点击日期录入节假日和调休上班日', 'The official {y} holidays are not included yet (weekends only); enter them by clicking the days'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    calendar: typeof calendarMessages;
  }
}
