export { I18nProvider, useI18n, translate, type Lang, type I18n } from './I18nProvider';
export type { MessageKey } from './messages';
