import { useEffect, useRef, useState, type RefObject } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { init, use as registerCharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Language } from '../../../src-shared/i18n';
import { formatPercent } from '../format';

registerCharts([BarChart, GridComponent, MarkLineComponent, SVGRenderer]);

export interface RateBar {
  label: string;
  ratePercent: number | null;
  /** True when no line of the group has an execution figure: not the same as a 0 % rate. */
  lacksExecution?: boolean;
}

/** The rate as written beside a bar or read by a screen reader. */
export function rateText(bar: RateBar, lang: Language, noData: string): string {
  return bar.lacksExecution ? `— ${noData}` : formatPercent(bar.ratePercent, lang);
}

// Dark blue bars on white pass WCAG AA for graphics; execution above 100 % is shown darker
// and with its figure, never by colour alone.
const BAR = '#1f5fa8';
const OVER = '#8a2c0d';
const TEXT = '#1a1a1a';
const BAR_HEIGHT_PX = 56;

interface Props {
  title: string;
  bars: RateBar[];
  lang: Language;
  /** A text equivalent of the chart, read by screen readers instead of the drawing. */
  description: string;
  /** Opens the lines behind a bar; the bars are also listed as buttons for the keyboard. */
  onBar?(index: number): void;
  barsLabel?: string;
  /** Said beside a bar whose group has no execution figure, where a rate would be. */
  noData: string;
}

/**
 * True once the element has come into the viewport, and from then on. A chart of a thousand
 * chapters takes half a second to draw: below the fold it waits until someone scrolls to it,
 * instead of holding back the figures above it. Without IntersectionObserver, true at once.
 */
function useInView(target: RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = target.current;
    if (inView || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setInView(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, inView]);
  return inView;
}

/** Horizontal bars of execution rates with a line at 100 %, in type a room can read. */
export function RateChart({ title, bars, lang, description, onBar, barsLabel, noData }: Props) {
  const host = useRef<HTMLDivElement>(null);
  // The chart is drawn once per data; the latest click handler is read through a ref.
  const clickRef = useRef(onBar);
  useEffect(() => {
    clickRef.current = onBar;
  }, [onBar]);
  const heightPx = Math.max(160, bars.length * BAR_HEIGHT_PX + 70);
  const inView = useInView(host);

  useEffect(() => {
    if (!host.current || !inView) return;
    const chart = init(host.current, null, { renderer: 'svg', height: heightPx });
    const rows = [...bars].reverse();
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Atkinson Hyperlegible, sans-serif', color: TEXT },
      grid: { left: 8, right: 110, top: 16, bottom: 36, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max / 20) * 20),
        axisLabel: {
          fontSize: 18,
          color: TEXT,
          formatter: (v: number) => formatPercent(v, lang).replace(/[,.]0/, ''),
        },
        splitLine: { lineStyle: { color: '#d0d0d0' } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((bar) => bar.label),
        axisLabel: { fontSize: 22, color: TEXT, width: 440, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 38,
          data: rows.map((bar) => ({
            value: bar.ratePercent ?? 0,
            itemStyle: { color: (bar.ratePercent ?? 0) > 100 ? OVER : BAR },
          })),
          label: {
            show: true,
            position: 'right',
            fontSize: 22,
            fontWeight: 'bold',
            color: TEXT,
            formatter: (p: { dataIndex: number }) => {
              const bar = rows[p.dataIndex];
              return bar ? rateText(bar, lang, noData) : '';
            },
          },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: TEXT, type: 'dashed', width: 2 },
            label: { show: false },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    });
    chart.on('click', (params) => {
      if (typeof params.dataIndex === 'number')
        clickRef.current?.(rows.length - 1 - params.dataIndex);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, lang, heightPx, noData, inView]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div
        ref={host}
        className="chart-host"
        style={{ height: heightPx }}
        role="img"
        aria-label={description}
      />
      {onBar && (
        <div className="bar-links" role="group" aria-label={barsLabel}>
          {bars.map((bar, index) => (
            <button key={bar.label} type="button" className="chip" onClick={() => onBar(index)}>
              {bar.label}
            </button>
          ))}
        </div>
      )}
    </figure>
  );
}
