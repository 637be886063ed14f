import type { Messages } from '../../i18n/messages';

/** Texts of 攻坚行动: the list, the form and a campaign's page. */
export const campaignMessages = {
  'nav.campaigns': ['攻坚行动', 'Campaigns'],

  'campaign.list.title': ['攻坚行动', 'Campaigns'],
  'campaign.list.sub': ['大干攻坚：倒计时、对照指标、逐项检查', 'Countdown, targets and each item checked'],
  'campaign.new': ['新建攻坚行动', 'New campaign'],
  'campaign.edit': ['修改', 'Edit'],
  'campaign.saved': ['已保存', 'Saved'],
  'campaign.empty': ['还没有攻坚行动', 'No campaign yet'],
  'campaign.dates': ['{from} 至 {to}', '{from} to {to}'],
  'campaign.countdown': ['距结束还有 {n} 天（{w} 个工作日）', '{n} days to go ({w} working days)'],
  'campaign.countdown.ended': ['已于 {d} 结束', 'Ended on {d}'],
  'campaign.countdown.upcoming': ['距结束还有 {n} 天（{w} 个工作日），尚未开始', '{n} days to the end ({w} working days), not started'],
  'campaign.timeShare': ['时间进度', 'Time elapsed'],
  'campaign.itemCount': ['{n} 项', '{n} items'],
  'campaign.open': ['查看', 'Open'],
  'campaign.export': ['导出 Excel', 'Export .xlsx'],

  'campaign.f.name': ['名称', 'Name'],
  'campaign.f.range': ['起止日期', 'Dates'],
  'campaign.f.description': ['说明', 'Description'],
  'campaign.f.items': ['攻坚事项', 'Items'],
  'campaign.f.kind': ['类别', 'Kind'],
  'campaign.f.task': ['重点任务', 'Key task'],
  'campaign.f.project': ['项目', 'Project'],
  'campaign.f.indicator': ['指标', 'Indicator'],
  'campaign.f.unit': ['单位', 'Unit'],
  'campaign.f.targetWan': ['攻坚目标（万元，可不填）', 'Target (10k yuan, optional)'],
  'campaign.f.targetHint': ['不填则取年度计划中攻坚期各月计划投资之和', 'Blank: the plan of the campaign months'],
  'campaign.f.target': ['目标值（可不填）', 'Target (optional)'],
  'campaign.f.targetIndHint': ['不填则取该单位结束日期所在期的目标', "Blank: the unit's target for the end period"],
  'campaign.f.addTask': ['添加重点任务', 'Add a key task'],
  'campaign.f.addProject': ['添加项目', 'Add a project'],
  'campaign.f.addIndicator': ['添加指标目标', 'Add an indicator target'],
  'campaign.f.searchTask': ['搜索任务名称', 'Search a task'],
  'campaign.f.searchProject': ['搜索项目名称或代码', 'Search a project'],

  'campaign.kind.task': ['重点任务', 'Key task'],
  'campaign.kind.project': ['项目', 'Project'],
  'campaign.kind.indicator': ['指标', 'Indicator'],

  'campaign.d.items': ['对照指标、逐项检查', 'Each item against its target'],
  'campaign.d.behind': ['滞后事项', 'Behind'],
  'campaign.d.behindCount': ['滞后 {n} 项', '{n} behind'],
  'campaign.d.behindNone': ['没有滞后事项', 'Nothing behind'],
  'campaign.d.summary': ['总结表', 'Summary'],
  'campaign.d.summaryCount': ['完成 {done} 项，共 {total} 项', '{done} of {total} done'],
  'campaign.d.ruleSet': ['亮灯规则：{name}', 'Rule set: {name}'],
  'campaign.d.missing': ['已删除或无法读取', 'Deleted or unreadable'],
  'campaign.col.kind': ['类别', 'Kind'],
  'campaign.col.name': ['事项', 'Item'],
  'campaign.col.unit': ['责任单位', 'Unit'],
  'campaign.col.due': ['应完成', 'Due'],
  'campaign.col.reached': ['已完成', 'Reached'],
  'campaign.col.completion': ['完成率', 'Completion'],
  'campaign.col.light': ['亮灯', 'Light'],
  'campaign.col.detail': ['说明', 'Detail'],
  'campaign.col.done': ['是否完成', 'Done'],
  'campaign.col.status': ['状态', 'Status'],
  'campaign.yes': ['已完成', 'Done'],
  'campaign.no': ['未完成', 'Not done'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    campaigns: typeof campaignMessages;
  }
}
