import { describe, expect, it } from 'vitest';
import { createFormatter } from '../src-main/report/format';
import { messagesFor } from '../src-main/report/messages';
import { renderReportCharts } from '../src-main/report/report-charts';
import { smallReportInput } from './report-fixture';

describe('the rate charts', () => {
  const input = smallReportInput('fr');
  const m = messagesFor('fr');
  const fmt = createFormatter(m, 'GNF', 0);
  const rateCharts = renderReportCharts(input.summary, m, fmt).filter((c) =>
    c.title.startsWith('Taux'),
  );

  it.each(rateCharts.map((c) => [c.title, c.svg]))(
    'draws the dashed 100 %% line under the bar labels in “%s”',
    (_, svg) => {
      const line = svg.search(/<path[^>]*stroke-dasharray/);
      const firstLabel = svg.search(/<text[^>]*>\d+,\d\u00a0%<\/text>/);
      expect(line).toBeGreaterThan(0);
      expect(firstLabel).toBeGreaterThan(line);
    },
  );
});
