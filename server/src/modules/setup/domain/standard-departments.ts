/**
 * The units a county commonly has in its key-project drive (牵头单位 of projects, handlers of
 * problems and approvals), offered in the first-run checklist to be ticked and renamed. Names are
 * the general ones of a county government's departments after the 2018–2019 institutional
 * reform; the short name is what ledgers write ("县发改局").
 */
export const STANDARD_COUNTY_DEPARTMENTS: { name: string; shortName: string }[] = [
  { name: '发展和改革局', shortName: '发改局' },
  { name: '经济和信息化局', shortName: '经信局' },
  { name: '财政局', shortName: '财政局' },
  { name: '自然资源和规划局', shortName: '资规局' },
  { name: '住房和城乡建设局', shortName: '住建局' },
  { name: '交通运输局', shortName: '交通局' },
  { name: '水利局', shortName: '水利局' },
  { name: '农业农村局', shortName: '农业农村局' },
  { name: '商务局', shortName: '商务局' },
  { name: '文化和广电旅游体育局', shortName: '文广旅体局' },
  { name: '卫生健康局', shortName: '卫健局' },
  { name: '教育局', shortName: '教育局' },
  { name: '生态环境分局', shortName: '生态环境分局' },
  { name: '应急管理局', shortName: '应急局' },
  { name: '市场监督管理局', shortName: '市场监管局' },
  { name: '统计局', shortName: '统计局' },
  { name: '行政审批局', shortName: '审批局' },
  { name: '投资促进中心', shortName: '投促中心' },
  { name: '人力资源和社会保障局', shortName: '人社局' },
  { name: '民政局', shortName: '民政局' },
  { name: '科学技术局', shortName: '科技局' },
  { name: '综合行政执法局', shortName: '执法局' },
  { name: '供电公司', shortName: '供电公司' },
  { name: '城市发展投资集团有限公司', shortName: '城投集团' },
];

/** A county's unit named as ledgers write it: 桐庐县 + 水利局 → 桐庐县水利局. */
export function localName(regionName: string, name: string): string {
  return name.startsWith(regionName) ? name : `${regionName}${name}`;
}
