import { createHash } from 'node:crypto';
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
    return stableClassNames(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

// ECharts numbers its CSS classes with counters for the whole process (zr0-cls-1, zr1-cls-4),
// so the same chart would differ from one export to the next: renumber them within the SVG and
// prefix them with a hash of the content, which keeps two charts of one page apart.
function stableClassNames(svg: string): string {
  const seen = new Map<string, number>();
  const neutral = svg.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    if (!seen.has(name)) seen.set(name, seen.size);
    return `zr-cls-${seen.get(name)}`;
  });
  const prefix = createHash('sha256').update(neutral).digest('hex').slice(0, 8);
  return neutral.replace(/\bzr-cls-/g, `c${prefix}-`);
}
