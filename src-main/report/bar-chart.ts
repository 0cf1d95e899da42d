import type { EChartsOption } from 'echarts';
import type { SlideBar, SlideLegend } from '../../src-shared/present/deck-model';
import { renderChartSvg } from './chart-svg';
import { REPORT_FONT_FAMILY } from './fonts';
import { revealInvisible } from './safe-text';

export const INK = '#111417';
export const EXECUTED_FILL = '#1f4e79';
// The forecast bar is pale with a dark outline: told apart from the executed one by lightness
// and by the word printed beside it, never by hue alone.
export const PLANNED_FILL = '#e3e7eb';

export interface BarChartStyle {
  width: number;
  /** Text size of the labels, in px; the bars and gaps scale with it. */
  fontSize: number;
  /** Width given to the category labels, which wrap onto a second line past it. */
  labelWidth: number;
  /** Formats an amount in minor units compactly for a bar's end ("122 M GNF"). */
  compact: (minor: number) => string;
}

function barLabel(word: string, text: string, fontSize: number) {
  return {
    show: true,
    position: 'right' as const,
    fontFamily: REPORT_FONT_FAMILY,
    fontSize,
    color: INK,
    formatter: () => `${word} ${text}`,
  };
}

/** Height a chart of `count` bar pairs needs at a text size. */
export function barChartHeight(count: number, fontSize: number): number {
  return Math.max(count, 1) * fontSize * 2.9 + fontSize;
}

function chartOption(bars: SlideBar[], legend: SlideLegend, style: BarChartStyle): EChartsOption {
  const { fontSize, labelWidth, compact } = style;
  const text = { fontFamily: REPORT_FONT_FAMILY, fontSize, color: INK };
  const highest = Math.max(1, ...bars.flatMap((b) => [b.plannedMinor, b.executedMinor]));
  return {
    textStyle: text,
    grid: {
      left: labelWidth + fontSize,
      right: fontSize * 15,
      top: fontSize * 0.4,
      bottom: fontSize * 0.4,
    },
    xAxis: { type: 'value', show: false, min: 0, max: highest },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => revealInvisible(b.label)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: INK, width: 2 } },
      axisLabel: { ...text, width: labelWidth, overflow: 'break', lineHeight: fontSize * 1.15 },
    },
    series: [
      {
        type: 'bar',
        barWidth: fontSize * 1.05,
        barGap: '10%',
        data: bars.map((b) => ({
          value: Math.max(0, b.plannedMinor),
          label: barLabel(legend.planned, compact(b.plannedMinor), fontSize),
        })),
        itemStyle: { color: PLANNED_FILL, borderColor: INK, borderWidth: 2 },
      },
      {
        type: 'bar',
        barWidth: fontSize * 1.05,
        data: bars.map((b) => ({
          value: Math.max(0, b.executedMinor),
          label: {
            ...barLabel(legend.executed, `${compact(b.executedMinor)} · ${b.rateText}`, fontSize),
            fontWeight: 'bold' as const,
          },
        })),
        itemStyle: { color: EXECUTED_FILL, borderColor: INK, borderWidth: 2 },
      },
    ],
  };
}

/**
 * Planned and executed bars side by side for each label, as an SVG string. Each bar says in
 * words what it is and how much, so that the picture reads in black and white. A negative
 * executed amount (a correction) is drawn as an empty bar; its figure is still printed.
 */
export function renderBarChart(bars: SlideBar[], legend: SlideLegend, style: BarChartStyle) {
  return renderChartSvg(chartOption(bars, legend, style), {
    width: style.width,
    height: Math.round(barChartHeight(bars.length, style.fontSize)),
  });
}
