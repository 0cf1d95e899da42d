import type { EChartsOption } from 'echarts';
import type { GroupComparison, Summary } from '../../src-shared/analysis/summary-model';
import { renderChartSvg } from './chart-svg';
import { REPORT_FONT_FAMILY } from './fonts';
import type { Formatter } from './format';
import { fill, type Messages } from './messages';
import { EXPENDITURE_COLOUR, FORECAST_COLOUR, REVENUE_COLOUR } from './report-css';
import { revealInvisible } from './safe-text';

export const CHART_WIDTH = 660;
const BAR_HEIGHT = 30;
// A chart taller than a page would be cut; past this many chapters only the largest show.
export const MAX_CHAPTER_BARS = 24;
const LABEL_CHARS = 34;

const TEXT = { fontFamily: REPORT_FONT_FAMILY, fontSize: 13, color: '#1c2127' };

function colourOf(group: GroupComparison): string {
  return group.direction === 'revenue' ? REVENUE_COLOUR : EXPENDITURE_COLOUR;
}

function shorten(text: string): string {
  const clean = revealInvisible(text).replace(/\s+/g, ' ').trim();
  return clean.length > LABEL_CHARS ? `${clean.slice(0, LABEL_CHARS - 1)}…` : clean;
}

export function sectionLabel(group: GroupComparison, m: Messages): string {
  return `${m[group.direction]} · ${group.section ? m[group.section] : m.noSection}`;
}

function chapterLabel(group: GroupComparison): string {
  return shorten(group.chapter ? `${group.chapter} ${group.label}` : group.label);
}

/** Horizontal bars of execution rates, one per group, with a line at 100 %. */
function rateChart(groups: GroupComparison[], labels: string[], fmt: Formatter): EChartsOption {
  const highest = Math.max(100, ...groups.map((g) => g.ratePercent ?? 0));
  return {
    textStyle: TEXT,
    grid: { left: 8, right: 70, top: 10, bottom: 30, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(highest / 20) * 20,
      axisLabel: { ...TEXT, formatter: (v: number) => fmt.rate(v).replace(/,0(?=\D*$)/, '') },
    },
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { ...TEXT, fontSize: 13 } },
    series: [
      {
        type: 'bar',
        barWidth: 20,
        data: groups.map((g) => ({
          value: g.ratePercent ?? 0,
          itemStyle: { color: colourOf(g) },
          label: {
            show: true,
            position: 'right',
            ...TEXT,
            fontWeight: 'bold',
            // A white ground keeps the figure readable where it crosses the 100 % line.
            backgroundColor: '#ffffff',
            padding: [1, 3],
            formatter: () => fmt.rate(g.ratePercent),
          },
        })),
        // ECharts draws marks above the series and its labels (z 5 against 2): put the 100 %
        // line under them, so that a rate printed across it keeps its white ground.
        markLine: {
          z: 1,
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: '#1c2127', type: 'dashed', width: 1.5 },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
}

function plannedExecutedChart(summary: Summary, m: Messages, fmt: Formatter): EChartsOption {
  const groups = summary.bySection;
  const scale = 10 ** summary.budget.currencyExponent;
  const label = (value: number) => fmt.compact(value);
  return {
    textStyle: TEXT,
    grid: { left: 8, right: 80, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: 'value', axisLabel: { ...TEXT, formatter: label } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: groups.map((g) => sectionLabel(g, m)),
      axisLabel: TEXT,
    },
    series: [
      {
        name: m.planned,
        type: 'bar',
        barWidth: 14,
        itemStyle: { color: FORECAST_COLOUR },
        label: {
          show: true,
          position: 'right',
          ...TEXT,
          fontSize: 12,
          formatter: (p) => label(Number(p.value)),
        },
        data: groups.map((g) => g.basisMinor / scale),
      },
      {
        name: m.executed,
        type: 'bar',
        barWidth: 14,
        itemStyle: { color: '#1c2127' },
        label: {
          show: true,
          position: 'right',
          ...TEXT,
          fontSize: 12,
          formatter: (p) => label(Number(p.value)),
        },
        data: groups.map((g) => ({
          value: (g.executedMinor ?? 0) / scale,
          itemStyle: { color: colourOf(g) },
        })),
      },
    ],
  };
}

export interface ReportChart {
  title: string;
  svg: string;
  note: string | null;
}

/** The report's charts, already rendered to SVG. */
export function renderReportCharts(summary: Summary, m: Messages, fmt: Formatter): ReportChart[] {
  const sections = summary.bySection;
  const byBasis = [...summary.byChapter].sort((a, b) => b.basisMinor - a.basisMinor);
  const shown = new Set(byBasis.slice(0, MAX_CHAPTER_BARS));
  const chapters = summary.byChapter.filter((g) => shown.has(g));
  const omitted = summary.byChapter.length - chapters.length;
  const height = (n: number, extra: number) => Math.max(n, 1) * BAR_HEIGHT + extra;

  return [
    {
      title: m.chartRateBySection,
      svg: renderChartSvg(
        rateChart(
          sections,
          sections.map((g) => sectionLabel(g, m)),
          fmt,
        ),
        {
          width: CHART_WIDTH,
          height: height(sections.length, 50),
        },
      ),
      note: null,
    },
    {
      title: m.chartPlannedExecuted,
      svg: renderChartSvg(plannedExecutedChart(summary, m, fmt), {
        width: CHART_WIDTH,
        height: sections.length * 52 + 50,
      }),
      note: m.plannedExecutedKey,
    },
    {
      title: m.chartRateByChapter,
      svg: renderChartSvg(rateChart(chapters, chapters.map(chapterLabel), fmt), {
        width: CHART_WIDTH,
        height: height(chapters.length, 50),
      }),
      note: omitted > 0 ? fill(m.chartOmitted, { shown: MAX_CHAPTER_BARS }) : null,
    },
  ];
}
