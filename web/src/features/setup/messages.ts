import type { Messages } from '../../i18n/messages';

/** Texts of the first-run checklist (初始化向导). */
export const setupMessages = {
  'nav.setup': ['初始化向导', 'Setup checklist'],
  'setup.title': ['初始化向导', 'Setup checklist'],
  'setup.sub': ['新平台上线前的准备：依次完成或跳过各项，随时可以回来修改', 'What a new platform needs before its first month: finish or skip each step, and come back at any time'],
  'setup.progress': ['已处理 {settled} / {total} 项', '{settled} of {total} steps settled'],
  'setup.complete': ['初始化已完成，菜单中的「初始化向导」将不再显示', 'Setup is complete; the checklist leaves the menu'],
  'setup.state.done': ['已完成', 'Done'],
  'setup.state.open': ['未完成', 'Not done'],
  'setup.state.skipped': ['已跳过', 'Skipped'],
  'setup.skip': ['跳过', 'Skip'],
  'setup.markDone': ['标记完成', 'Mark done'],
  'setup.reopen': ['重新打开', 'Reopen'],
  'setup.home': ['本级：{name}（{code}）', 'Home: {name} ({code})'],
  'setup.needRegion': ['请先完成「本级区划」', 'Set your region first'],

  'setup.region.help': ['从国家行政区划（GB/T 2260）中选择本平台服务的县（市、区）或设区的市，再勾选下辖的乡镇（街道）。', 'Pick the county (or city) the platform serves from the national division list (GB/T 2260), then tick its towns.'],
  'setup.region.pick': ['省 / 市 / 县（市、区）', 'Province / city / county'],
  'setup.region.pickHint': ['请选择到县（市、区）或设区的市', 'Choose down to a county or a city'],
  'setup.region.towns': ['乡镇（街道）', 'Towns and subdistricts'],
  'setup.region.townsCount': ['已选 {n} / {total} 个', '{n} of {total} ticked'],
  'setup.region.all': ['全选', 'All'],
  'setup.region.none': ['全不选', 'None'],
  'setup.region.noTowns': ['该区划下没有乡镇（街道）', 'No towns under this division'],
  'setup.region.submit': ['保存本级区划', 'Save the region'],
  'setup.region.saved': ['已保存本级区划', 'Region saved'],

  'setup.depts.help': ['县级常设单位的标准名单：勾选本地有的单位，名称可直接修改。', 'The standard list of county units: tick the ones you have; names can be edited.'],
  'setup.depts.name': ['单位名称', 'Unit name'],
  'setup.depts.shortName': ['简称', 'Short name'],
  'setup.depts.count': ['已选 {n} 个单位', '{n} units ticked'],
  'setup.depts.submit': ['创建所选单位', 'Create the ticked units'],
  'setup.depts.saved': ['已新建 {created} 个单位，{existing} 个已存在', '{created} units created, {existing} already existed'],
  'setup.depts.manage': ['管理部门与单位', 'Manage units'],

  'setup.leaders.help': ['登记县领导（县长、副县长等）：包保项目、分管单位和问题升级都引用领导，开通账号可以以后再做。', 'Record the leaders (county head, deputies…): projects, overseen units and escalations refer to them; accounts can come later.'],
  'setup.leaders.add': ['添加', 'Add'],
  'setup.leaders.added': ['已添加领导「{name}」', 'Leader “{name}” added'],
  'setup.leaders.none': ['尚未登记领导', 'No leaders yet'],
  'setup.leaders.manage': ['打开领导与人员', 'Open people'],

  'setup.import.help': ['上传本县现有的重点项目台账（.xlsx / .xls / .et / .csv）。未登记的单位和包保领导可在导入时一并新建。', 'Upload the ledger the county already keeps (.xlsx / .xls / .et / .csv). Unknown units and leaders can be created with it.'],
  'setup.import.go': ['打开导入向导', 'Open the import wizard'],
  'setup.calendar.help': ['核对 {year} 年的法定节假日和调休工作日：审批时限和预警按工作日计算。', 'Check the holidays and working weekends of {year}: approval limits and warnings count working days.'],
  'setup.calendar.go': ['打开 {year} 年工作日历', 'Open the {year} calendar'],
  'setup.rules.help': ['确认启用的预警规则集（开工、投资、节点、审批等的预警阈值）。', 'Confirm the active warning rule set (thresholds for starts, investment, milestones, approvals…).'],
  'setup.rules.go': ['打开预警规则', 'Open warning rules'],
  'setup.users.help': ['为各角色开通账号：调度员、职能部门、乡镇、企业；领导和单位负责人可在「领导与人员」中直接开通。', 'Give accounts for each role: dispatchers, units, towns, enterprises; leaders and unit heads get theirs on the people page.'],
  'setup.users.go': ['打开用户管理', 'Open users'],
  'setup.users.people': ['打开领导与人员', 'Open people'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    setup: typeof setupMessages;
  }
}
