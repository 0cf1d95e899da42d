import { cpus, totalmem } from 'node:os';
import type { ImportFigures } from './import-bench';
import type { HotFunction } from './profile-summary';
import { formatMb, formatMs, formatRatio, spreadOf, type Spread } from './stats';

export interface BenchResults {
  startedAt: Date;
  imports: ImportFigures[];
  analysis: { lines: number; ms: Spread | null; flags: number; note?: string }[];
  renderer: Record<string, Spread | null | 'none'> | string;
  pdfMs: Spread | null | string;
  /** Self time by function, one table per profiled measure; empty when profiles were not run. */
  profiles: { totalMs: number; hot: HotFunction[]; of: string }[];
  notes: string[];
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memoryGb = (totalmem() / 1024 ** 3).toFixed(1);
  return `${cpu}, ${cpus().length} cores, ${memoryGb} GB memory, Node ${process.version}, ${process.platform} ${process.arch}`;
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const lines = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');

function importTable(imports: ImportFigures[]): string[] {
  const out = [
    '| lines | file | ours: import + analyse | peak RSS | SheetJS read | ours ÷ SheetJS | peer | ours ÷ peer |',
    '| ---: | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of imports) {
    const file = `${f.format} ${mb(f.fileBytes)}${f.xmlBytes ? ` (XML ${mb(f.xmlBytes)})` : ''}`;
    const ours = f.ours ? formatMs(f.ours) : `failed: ${f.problems[0] ?? '?'}`;
    const floor = f.format === 'xlsx' ? formatMs(f.floor) : '—';
    const peer = f.peer ? `${f.peerName}: ${formatMs(f.peer)}` : `${f.peerName}: not run`;
    out.push(`| ${lines(f.lines)} | ${file} | ${ours} | ${formatMb(f.peakMb)} | ${floor} | ${f.format === 'xlsx' ? formatRatio(f.oursToFloor) : '—'} | ${peer} | ${formatRatio(f.oursToPeer)} |`);
  }
  return out;
} // prettier-ignore

export const OVERVIEW = 'overview painted (from navigation)';

interface Target {
  what: string;
  figure: string;
  met: boolean | null;
  by?: string;
}

function verdict(value: number | undefined, limit: number, unit: string, figure: string): Target {
  if (value === undefined) return { what: '', figure: 'not measured', met: null };
  const met = value <= limit;
  const by = met ? undefined : `${(value / limit).toFixed(1)}× the limit (${unit})`;
  return { what: '', figure, met, by };
}

export function targets(r: BenchResults): Target[] {
  const x = r.imports.find((f) => f.format === 'xlsx' && f.lines === 100_000);
  const c = r.imports.find((f) => f.format === 'csv' && f.lines === 100_000);
  const a = r.analysis.find((f) => f.lines === 1_000_000);
  const rend = typeof r.renderer === 'string' ? {} : r.renderer;
  const ms = (key: string) => {
    const v = rend[key];
    return v && v !== 'none' ? v.median : undefined;
  };
  const fasterThanPandas = x?.oursToPeer ? 1 / x.oursToPeer.median : undefined;
  const peakRatio = x?.peakMb && x.xmlBytes ? (x.peakMb.median * 1024 ** 2) / x.xmlBytes : undefined;
  const list: [string, Target][] = [
    ['xlsx 100 000 lines ≤ 1.5× SheetJS read', verdict(x?.oursToFloor?.median, 1.5, 'ratio', formatRatio(x?.oursToFloor ?? null))],
    ['xlsx 100 000 lines ≥ 3× faster than pandas', fasterThanPandas === undefined ? verdict(undefined, 0, '', '') : { what: '', figure: `${fasterThanPandas.toFixed(2)}× as fast`, met: fasterThanPandas >= 3, by: fasterThanPandas >= 3 ? undefined : `${(3 / fasterThanPandas).toFixed(1)}× short` }],
    ['peak memory ≤ 3× the sheet XML (100 000)', verdict(peakRatio, 3, 'ratio', peakRatio ? `${peakRatio.toFixed(1)}× (${formatMb(x!.peakMb)})` : '')],
    ['csv 100 000 lines at least as fast as sqlite-utils', verdict(c?.oursToPeer?.median, 1, 'ratio', formatRatio(c?.oursToPeer ?? null))],
    ['totals + rates + flags over 1 000 000 lines < 2 s', verdict(a?.ms?.median, 2000, 'ms', formatMs(a?.ms ?? null))],
    ['overview painted < 1 s (100 000 lines)', verdict(ms(OVERVIEW), 1000, 'ms', formatMs(spreadOrNull(rend[OVERVIEW])))],
    ['sort < 100 ms', rend.sort === 'none' ? { what: '', figure: 'n/a (no such control)', met: null } : verdict(ms('sort'), 100, 'ms', formatMs(spreadOrNull(rend.sort)))],
    ['filter < 100 ms', rend.filter === 'none' ? { what: '', figure: 'n/a (no such control)', met: null } : verdict(ms('filter'), 100, 'ms', formatMs(spreadOrNull(rend.filter)))],
    ['scroll step < 100 ms', rend.scroll === 'none' ? { what: '', figure: 'n/a (no such control)', met: null } : verdict(ms('scroll'), 100, 'ms', formatMs(spreadOrNull(rend.scroll)))],
    ['500-line PDF < 5 s', verdict(typeof r.pdfMs === 'object' ? r.pdfMs?.median : undefined, 5000, 'ms', typeof r.pdfMs === 'string' ? r.pdfMs : formatMs(r.pdfMs))],
  ];
  return list.map(([what, t]) => ({ ...t, what }));
} // prettier-ignore

function spreadOrNull(value: Spread | null | 'none' | undefined): Spread | null {
  return value && value !== 'none' ? value : null;
}

/** The whole report as Markdown: printed by the bench, and written to BENCHMARKS.md. */
export function renderReport(r: BenchResults): string {
  const out = [`Run of ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine()}.`, ''];
  out.push('### Targets (issue 8)', '', '| target | figure | |', '| --- | --- | --- |');
  for (const t of targets(r)) {
    const mark = t.met === null ? 'not measured' : t.met ? 'met' : `**missed**: ${t.by}`;
    out.push(`| ${t.what} | ${t.figure || 'not measured'} | ${mark} |`);
  }
  out.push('', '### Import into the store, analysed', '', ...importTable(r.imports), '');
  for (const f of r.imports) for (const p of f.problems) out.push(`- ${f.format} ${lines(f.lines)}: ${p}`);
  out.push('', '### Totals, rates and every flag (in memory)', '', '| lines | summarise + detectFlags | flags |', '| ---: | --- | ---: |');
  for (const a of r.analysis) out.push(`| ${lines(a.lines)} | ${formatMs(a.ms)}${a.note ? ` ${a.note}` : ''} | ${lines(a.flags)} |`);
  out.push('', '### Renderer in Chromium (bridge on 127.0.0.1, 100 000-line budget)', '');
  if (typeof r.renderer === 'string') out.push(r.renderer);
  else {
    out.push('| step | time |', '| --- | --- |');
    for (const [step, v] of Object.entries(r.renderer)) out.push(`| ${step} | ${v === 'none' ? 'n/a (no such control)' : formatMs(v)} |`);
  }
  out.push('', '### PDF report, 500 lines', '', typeof r.pdfMs === 'string' ? r.pdfMs : formatMs(r.pdfMs), '');
  out.push('### Where the time goes (V8 profiler, self time by function)', '');
  if (r.profiles.length === 0) out.push('Profiles not run.');
  for (const p of r.profiles) {
    out.push(`Profile of ${p.of}: ${Math.round(p.totalMs)} ms of samples.`, '', '| function | where | self | share |', '| --- | --- | ---: | ---: |');
    for (const h of p.hot) out.push(`| ${h.name} | ${h.where} | ${Math.round(h.selfMs)} ms | ${h.sharePercent.toFixed(1)} % |`);
    out.push('');
  }
  if (r.notes.length > 0) out.push('', ...r.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
} // prettier-ignore

export { spreadOf };
