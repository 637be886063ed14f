import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { echarts, type ChartElementEvent, type ChartInstance, type ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  height: number | string;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  /** A click on a bar, a point or a funnel slice. */
  onClick?: (e: ChartElementEvent) => void;
  /** A click anywhere on the canvas, with its pixel position (to hit whole rows or columns). */
  onCanvasClick?: (chart: ChartInstance, pixel: [number, number]) => void;
  testId?: string;
}

/**
 * One ECharts chart on a div: created on mount, given the new option whenever it changes,
 * resized with its container (ResizeObserver, so a folding menu or a phone turning sideways
 * redraws it) and disposed on unmount.
 */
export function EChart({ option, height, ariaLabel, onClick, onCanvasClick, testId }: Props) {
  const { lang } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const onClickRef = useRef(onClick);
  const onCanvasClickRef = useRef(onCanvasClick);
  onClickRef.current = onClick;
  onCanvasClickRef.current = onCanvasClick;

  useEffect(() => {
    const div = el.current;
    if (!div) return;
    const chart = echarts.init(div, undefined, { renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH' });
    chartRef.current = chart;
    chart.on('click', (e) => onClickRef.current?.(e as ChartElementEvent));
    chart.getZr().on('click', (e) => onCanvasClickRef.current?.(chart, [e.offsetX, e.offsetY]));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(div);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [lang]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, lang]);

  return <div ref={el} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
