import type { Messages } from '../../i18n/messages';

/** Texts of milestone templates, milestones (倒排工期) and the wall chart (挂图作战). */
export const milestoneMessages = {
  'nav.gantt': ['挂图作战', 'Wall chart'],
  'nav.templates': ['节点模板', 'Milestone templates'],

  'tpl.sub': ['倒排工期用的标准节点及默认工期（工作日），可按本地情况调整', 'Standard milestones and default durations in working days'],
  'tpl.new': ['新增模板', 'New template'],
  'tpl.inactive': ['停用', 'Inactive'],
  'tpl.duration': ['工期（工作日）', 'Working days'],
  'tpl.total': ['合计', 'Total'],
  'tpl.name': ['模板名称', 'Name'],
  'tpl.nameRequired': ['请填写模板名称', 'Enter the name'],
  'tpl.active': ['启用', 'Active'],
  'tpl.durationRequired': ['请填写工期', 'Enter the duration'],
  'tpl.days': ['工作日', 'days'],
  'tpl.addNode': ['增加节点', 'Add a node'],
  'ms.section': ['节点计划', 'Milestones'],
  'ms.apply': ['套用模板倒排工期', 'Schedule from template'],
  'ms.applyHelp': ['按目标日期（最后一个节点的完成日期）倒排各节点，跳过法定节假日和周末，调休上班日计为工作日。', 'Schedules each node backward from the target date (due date of the last node) over working days.'],
  'ms.applied': ['已按模板倒排节点计划', 'Milestones scheduled'],
  'ms.template': ['节点模板', 'Template'],
  'ms.templateRequired': ['请选择模板', 'Choose a template'],
  'ms.nodes': ['个节点', ' nodes'],
  'ms.target': ['目标日期（最后节点完成）', 'Target date (last node due)'],
  'ms.targetRequired': ['请选择目标日期', 'Choose the target date'],
  'ms.replace': ['替换现有节点', 'Replace the existing milestones'],
  'ms.empty': ['尚无节点计划', 'No milestones yet'],
  'ms.node': ['节点', 'Node'],
  'ms.unit': ['责任单位 / 责任人', 'Responsible unit / person'],
  'ms.unitDept': ['责任单位', 'Responsible unit'],
  'ms.person': ['责任人', 'Responsible person'],
  'ms.start': ['开始', 'Start'],
  'ms.due': ['计划完成', 'Due'],
  'ms.doneDate': ['实际完成', 'Done'],
  'ms.status': ['状态', 'Status'],
  'ms.note': ['备注', 'Note'],
  'ms.done': ['已完成', 'Done'],
  'ms.doneLate': ['完成（晚{n}天）', 'Done ({n} d late)'],
  'ms.overdue': ['逾期{n}天', '{n} d overdue'],
  'ms.open': ['进行中', 'Open'],
  'ms.markDone': ['填报完成', 'Report done'],
  'ms.saved': ['已保存', 'Saved'],
  'ms.nameRequired': ['请填写节点名称', 'Enter the node name'],
  'ms.dueRequired': ['请选择计划完成日期', 'Choose the due date'],
  'gantt.sub': ['按项目、区域或包保领导查看项目节点，红色为逾期节点，竖线为今天', 'Milestones by project, region or leader; red bars are overdue, the line is today'],
  'gantt.region': ['区域', 'Region'],
  'ms.onWallChart': ['在挂图作战中查看', 'Show on the wall chart'],
  'gantt.project': ['单个项目（名称或代码）', 'One project (name or code)'],
  'gantt.leader': ['包保领导', 'Leader'],
  'gantt.projectNode': ['项目 / 节点', 'Project / node'],
  'gantt.overdueLegend': ['逾期', 'Overdue'],
  'gantt.today': ['今天', 'Today'],
  'gantt.counts': ['共 {total} 个节点，已完成 {done}，逾期 {overdue}', '{total} milestones, {done} done, {overdue} overdue'],
  'gantt.empty': ['没有符合条件的节点计划', 'No milestones match'],
} as const satisfies Messages;

declare module '../../i18n/messages' {
  interface FeatureMessages {
    milestones: typeof milestoneMessages;
  }
}
