export { I18nProvider, useI18n, translate, addMessages, type Lang, type I18n } from './I18nProvider';
export { sharedMessages, type Message, type Messages, type MessageKey } from './messages';
