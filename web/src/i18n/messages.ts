/** One entry of the dictionary: [Chinese, English]. Placeholders are written `{name}` and filled by `t(key, { name })`. */
export type Message = readonly [zh: string, en: string];

/** A dictionary, or one feature's part of it. */
export type Messages = Record<string, Message>;

/**
 * The words the features share: the application frame, common buttons and messages, the layout.
 * Each feature keeps its own words in `features/<x>/messages.ts` and lists them in its manifest;
 * the application adds them to the dictionary at start (app/messages.ts).
 * Enumeration labels are not here: they come from @tiaodu/contracts (`.zh` / `.en`).
 */
export const sharedMessages = {
  // application
  'app.title': ['重点项目调度平台 Tiaodu', 'Tiaodu Key Project Dispatch'],
  'app.shortTitle': ['重点项目调度', 'Tiaodu'],
  'app.loading': ['加载中…', 'Loading…'],
  'app.notFound': ['页面不存在', 'Page not found'],
  'app.backHome': ['返回首页', 'Back to home'],
  'app.forbidden': ['没有权限访问此页面', 'You are not allowed to open this page'],
  'app.menu': ['菜单', 'Menu'],
  'app.errorBoundary': ['页面出错了，请刷新后重试', 'Something went wrong; please reload the page'],
  'app.reload': ['刷新页面', 'Reload'],

  // common words
  'common.search': ['查询', 'Search'],
  'common.reset': ['重置', 'Reset'],
  'common.save': ['保存', 'Save'],
  'common.cancel': ['取消', 'Cancel'],
  'common.confirm': ['确定', 'OK'],
  'common.edit': ['编辑', 'Edit'],
  'common.delete': ['删除', 'Delete'],
  'common.add': ['新增', 'Add'],
  'common.actions': ['操作', 'Actions'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'common.none': ['—', '—'],
  'common.back': ['返回', 'Back'],
  'common.close': ['关闭', 'Close'],
  'common.deleteConfirm': ['确定删除「{name}」吗？此操作不可撤销。', 'Delete “{name}”? This cannot be undone.'],
  'common.saved': ['已保存', 'Saved'],
  'common.deleted': ['已删除', 'Deleted'],
  'common.created': ['已创建', 'Created'],
  'common.all': ['全部', 'All'],
  'common.keyword': ['关键字', 'Keyword'],
  'common.total': ['共 {n} 条', '{n} in total'],
  'common.wan': ['万元', '10k CNY'],
  'common.status': ['状态', 'Status'],
  'common.enabled': ['启用', 'Active'],
  'common.disabled': ['停用', 'Disabled'],
  'common.sort': ['排序号', 'Sort order'],
  'common.required': ['必填', 'Required'],
  'common.pleaseSelect': ['请选择', 'Please select'],
  'common.pleaseInput': ['请输入', 'Please enter'],
  'common.retry': ['重试', 'Retry'],
  'common.download': ['下载', 'Download'],
  'common.networkError': ['无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and retry'],

  // layout and the menu groups shared by several features
  'layout.switchTo': ['English', '中文'],
  'layout.switchToTitle': ['Switch to English', '切换到中文'],
  'layout.allRegions': ['全域', 'All regions'],
  'nav.org': ['组织与权限', 'Organisation'],
  'nav.dispatch': ['月度调度', 'Monthly dispatch'],
} as const satisfies Messages;

/**
 * The words of each feature, by feature name. A feature's messages.ts adds itself:
 *
 *     declare module '../../i18n/messages' {
 *       interface FeatureMessages {
 *         plans: typeof planMessages;
 *       }
 *     }
 *
 * so every key is known to `t()` without this file importing a feature.
 */
export interface FeatureMessages {}

type FeatureMessageKey = { [F in keyof FeatureMessages]: keyof FeatureMessages[F] }[keyof FeatureMessages];

/** Every key of the dictionary: the shared words and the words of every feature. */
export type MessageKey = keyof typeof sharedMessages | FeatureMessageKey;
