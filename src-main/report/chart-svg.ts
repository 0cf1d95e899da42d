import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Renders an ECharts option to an SVG string on the Node side, for reports that must not run
 * scripts. Animation is off so that the SVG holds the final picture, not its first frame.
 */
export function renderChartSvg(spec: EChartsOption, { width, height }: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...spec, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
