/**
 * The dashboard's chart options, built from the dashboard API's figures by pure functions
 * (no React, no canvas), so what a chart shows can be checked without drawing it.
 */
import { LIGHT_DIMENSION_LABELS, LIGHT_DIMENSIONS, LIGHTS, PROJECT_STAGES, type DashboardDto, type Light, type LightDimension, type ProjectStage } from '@tiaodu/contracts';
import type { ChartOption } from '../../../components/charts/echarts';
import { formatWan } from '../../../components/format';
import { escapeHtml } from '../../../components/charts/html';
import type { Lang } from '../../../i18n';

export const PLAN_COLOR = '#bfbfbf';
export const DONE_COLOR = '#1677ff';

/** Stages of the lifecycle, in order, drawn in the funnel (停缓建 and 终止 are counted beside it). */
export const FUNNEL_STAGES: readonly ProjectStage[] = ['planning', 'reserve', 'preliminary', 'started', 'construction', 'completed', 'production', 'full_production'];

export const LIGHT_DIMENSION_EN: Record<LightDimension, string> = {
  investment: 'Investment',
  start: 'Start on time',
  milestone: 'Milestones',
  report: 'Monthly report',
  statistics: 'Statistics (入库)',
};
const LIGHT_NAME: Record<Light, [string, string]> = { green: ['绿灯', 'Green'], yellow: ['黄灯', 'Yellow'], red: ['红灯', 'Red'] };

const tr = (lang: Lang) => (zh: string, en: string) => (lang === 'en' ? en : zh);

/** 万元 on an axis: thousands separators, no decimals (12,345). */
export function axisWan(v: number): string {
  return Math.round(v).toLocaleString('en-US');
}

/** Amount with its unit for tooltips: 12,345.67 万元. */
export function wanText(v: number | null | undefined, lang: Lang): string {
  return v == null ? '—' : `${formatWan(v)} ${lang === 'en' ? '10k CNY' : '万元'}`;
}

/** Monthly amounts from a cumulative series (null stays null). */
export function monthlyFromCumulative(cumulative: (number | null)[]): (number | null)[] {
  let prev = 0;
  return cumulative.map((c) => {
    if (c == null) return null;
    const m = Math.round((c - prev) * 100) / 100;
    prev = c;
    return m;
  });
}

/** One percentage with one decimal, or null without a base. */
export function rateOf(part: number | null, whole: number): number | null {
  if (part == null || !(whole > 0)) return null;
  // amounts carry two decimals: in 分 the rate is one division, rounded once to 0.01
  const p = Math.round(part * 100);
  const w = Math.round(whole * 100);
  return Math.round((p * 10000) / w) / 100;
}

interface AxisTooltipParam {
  axisValueLabel?: string;
  dataIndex: number;
}

const tooltipBase = { confine: true, textStyle: { fontSize: 12 } } as const;

/**
 * 累计计划与完成: the cumulative completed investment as bars against the two targets of
 * DOMAIN §3 as lines — the cumulative monthly plan, and 序时进度 (the annual plan × months ÷ 12).
 * The month's own plan and completion are in the tooltip.
 */
export function planActualOption(d: DashboardDto, lang: Lang): ChartOption {
  const L = tr(lang);
  const months = d.series.map((s) => (lang === 'en' ? String(s.month) : `${s.month}月`));
  const cumPlan = d.series.map((s) => s.planned);
  const cumDone = d.series.map((s) => s.actual);
  const linear = d.series.map((s) => Math.round((d.annualPlanned * s.month * 100) / 12) / 100);
  const monthPlan = monthlyFromCumulative(cumPlan);
  const monthDone = monthlyFromCumulative(cumDone);
  const names = { cd: L('累计完成', 'Completed'), cp: L('累计计划', 'Planned'), t: L('序时进度', 'Time-linear') };
  return {
    animation: false,
    legend: { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 4, right: 8, top: 28, bottom: 0 },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (raw: unknown) => {
        const i = ((Array.isArray(raw) ? raw[0] : raw) as AxisTooltipParam).dataIndex;
        const s = d.series[i]!;
        const rate = rateOf(s.actual, d.annualPlanned);
        return [
          `<b>${L(`${d.year}年${s.month}月`, `${d.year}-${String(s.month).padStart(2, '0')}`)}</b>`,
          `${L('当月计划', 'Month planned')}：${wanText(monthPlan[i], lang)}`,
          `${L('当月完成', 'Month completed')}：${wanText(monthDone[i], lang)}`,
          `${names.cp}：${wanText(s.planned, lang)}`,
          `${names.cd}：${wanText(s.actual, lang)}`,
          rate == null ? '' : L(`累计完成占年度计划 ${rate}%`, `${rate}% of the annual plan`),
        ]
          .filter(Boolean)
          .join('<br/>');
      },
    },
    xAxis: { type: 'category', data: months, axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', axisLabel: { fontSize: 10, formatter: axisWan }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: [
      { name: names.cd, type: 'bar', data: cumDone, itemStyle: { color: DONE_COLOR, borderRadius: [2, 2, 0, 0] }, barMaxWidth: 16 },
      { name: names.cp, type: 'line', data: cumPlan, symbolSize: 4, lineStyle: { color: '#fa8c16', width: 2 }, itemStyle: { color: '#fa8c16' } },
      { name: names.t, type: 'line', data: linear, symbol: 'none', lineStyle: { color: '#8c8c8c', type: 'dashed', width: 1.5 }, itemStyle: { color: '#8c8c8c' } },
    ],
  };
}

/** 项目阶段: projects per stage in lifecycle order (a slice carries its stage for the click). */
export function stageFunnelOption(d: DashboardDto, lang: Lang): ChartOption {
  const data = FUNNEL_STAGES.map((stage) => {
    const s = PROJECT_STAGES.find((x) => x.value === stage)!;
    return { name: lang === 'en' ? s.en : s.zh, value: d.byStage[stage] ?? 0, stage };
  }).map((x, i) => (i < 3 ? { ...x, label: { color: '#10239e', textBorderWidth: 0 } } : x));
  const max = Math.max(1, ...data.map((x) => x.value));
  return {
    animation: false,
    color: ['#bae0ff', '#91caff', '#69b1ff', '#4096ff', '#1677ff', '#0958d9', '#10239e', '#061178'],
    tooltip: { ...tooltipBase, trigger: 'item', formatter: '{b}：{c}' + (lang === 'en' ? ' projects' : ' 个') },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '12%',
        right: '12%',
        top: 4,
        bottom: 4,
        min: 0,
        max,
        minSize: '34%',
        maxSize: '100%',
        gap: 2,
        label: { position: 'inside', fontSize: 11, color: '#fff', formatter: '{b} {c}', textBorderColor: 'rgba(0,0,0,0.35)', textBorderWidth: 2 },
        labelLine: { show: false },
        itemStyle: { borderWidth: 0 },
        emphasis: { label: { fontSize: 12 } },
        data,
      },
    ],
  };
}

/**
 * 区域对比: each child region's annual plan (grey) with the completed amount drawn over it
 * (blue), the completion rate at the end of the bar. Rows top to bottom in the API's order.
 */
export function regionOption(d: DashboardDto, lang: Lang): ChartOption {
  const L = tr(lang);
  const rows = d.regions;
  const names = { p: L('年度计划', 'Annual plan'), c: L('已完成', 'Completed') };
  return {
    animation: false,
    legend: { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 4, right: 44, top: 26, bottom: 0 },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const r = rows[((Array.isArray(raw) ? raw[0] : raw) as AxisTooltipParam).dataIndex]!;
        return [
          `<b>${escapeHtml(r.name)}</b>`,
          `${names.p}：${wanText(r.planned, lang)}`,
          `${names.c}：${wanText(r.completed, lang)}`,
          `${L('完成率', 'Rate')}：${r.rate == null ? '—' : `${r.rate}%`}（${L('序时进度', 'time')} ${d.timeProgress}%）`,
          `<span style="color:#8c8c8c">${L('点击查看该区域', 'Click to open this region')}</span>`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'value', axisLabel: { fontSize: 10, formatter: axisWan, hideOverlap: true }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { fontSize: 11, width: 84, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      {
        name: names.p,
        type: 'bar',
        data: rows.map((r) => r.planned),
        itemStyle: { color: PLAN_COLOR },
        barMaxWidth: 14,
        barGap: '-100%',
        label: { show: true, position: 'right', fontSize: 10, color: '#595959', formatter: (p: { dataIndex: number }) => (rows[p.dataIndex]?.rate == null ? '—' : `${rows[p.dataIndex]!.rate}%`) },
      },
      { name: names.c, type: 'bar', data: rows.map((r) => r.completed), itemStyle: { color: DONE_COLOR }, barMaxWidth: 14 },
    ],
  };
}

/** 预警分布: per dimension, the projects at green, yellow and red, stacked. */
export function lightsOption(d: DashboardDto, lang: Lang, colors: Record<Light, string>): ChartOption {
  const dims = [...LIGHT_DIMENSIONS];
  return {
    animation: false,
    legend: { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 4, right: 12, top: 26, bottom: 0 },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (raw: unknown) => {
        const p = raw as { name: string; seriesName: string; value: unknown; marker: string };
        return `<b>${escapeHtml(p.name)}</b><br/>${p.marker}${escapeHtml(p.seriesName)}：${Number(p.value)}${lang === 'en' ? ' projects' : ' 个项目'}<br/><span style="color:#8c8c8c">${lang === 'en' ? 'Click to list them' : '点击查看这些项目'}</span>`;
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', inverse: true, data: dims.map((k) => (lang === 'en' ? LIGHT_DIMENSION_EN[k] : LIGHT_DIMENSION_LABELS[k])), axisLabel: { fontSize: 11 }, axisTick: { show: false } },
    series: LIGHTS.map((light) => ({
      name: LIGHT_NAME[light][lang === 'en' ? 1 : 0],
      type: 'bar' as const,
      stack: 'lights',
      barMaxWidth: 18,
      itemStyle: { color: colors[light] },
      label: { show: true, fontSize: 10, color: light === 'yellow' ? '#5c3c00' : '#fff', formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
      data: dims.map((k) => ({ value: d.lights[k][light], dimension: k, light })),
    })),
  };
}
