import { embeddedFontCss, REPORT_FONT_FAMILY } from './fonts';

export const REVENUE_COLOUR = '#1d6a8a';
export const EXPENDITURE_COLOUR = '#b4522a';
export const FORECAST_COLOUR = '#b9c2c9';

// The page margins leave room for Chromium's header and footer templates, which print in the
// margin; on screen the same file reads as one centred column.
const LAYOUT = `
@page { size: A4; margin: 20mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: '${REPORT_FONT_FAMILY}', 'DejaVu Sans', sans-serif;
  font-size: 10.5pt; line-height: 1.4; color: #1c2127; margin: 0;
}
main { max-width: 180mm; margin: 0 auto; padding: 0 4mm; }
h1, h2, h3 { line-height: 1.2; break-after: avoid; }
h2 { font-size: 17pt; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 2px solid #1c2127; }
h3 { font-size: 12.5pt; margin: 6mm 0 2mm; }
section { margin-bottom: 8mm; }
section.new-page { break-before: page; }
p { margin: 0 0 2.5mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #56616b; }
.nowrap { white-space: nowrap; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; word-break: break-all; }
`;

const COVER = `
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover .kicker { font-size: 13pt; letter-spacing: 0.06em; text-transform: uppercase; color: #56616b; }
.cover h1 { font-size: 30pt; margin: 4mm 0 10mm; }
.cover dl { display: grid; grid-template-columns: 48mm 1fr; gap: 3mm 6mm; font-size: 12pt; }
.cover dt { color: #56616b; }
.cover dd { margin: 0; font-weight: 700; overflow-wrap: anywhere; }
.cover dd.sources { font-weight: 400; }
`;

const FIGURES = `
.plain p { font-size: 14pt; line-height: 1.45; }
.figures { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; margin: 4mm 0; }
.figure { border: 1px solid #c9d0d6; border-left: 6px solid; border-radius: 2mm; padding: 3mm 4mm; break-inside: avoid; }
.figure.revenue { border-left-color: ${REVENUE_COLOUR}; }
.figure.expenditure { border-left-color: ${EXPENDITURE_COLOUR}; }
.figure.balance { grid-column: 1 / -1; border-left-color: #1c2127; }
.figure h3 { margin: 0 0 2mm; font-size: 12pt; }
.figure .big { font-size: 20pt; font-weight: 700; white-space: nowrap; }
.figure table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
.figure td { padding: 0.6mm 0; }
figure.chart { margin: 0 0 6mm; break-inside: avoid; }
figure.chart figcaption { font-weight: 700; font-size: 12.5pt; margin-bottom: 2mm; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
`;

const TABLES = `
table.data { width: 100%; border-collapse: collapse; font-size: 9pt; margin-bottom: 4mm; }
table.data thead { display: table-header-group; }
table.data th { text-align: left; background: #eef1f3; border-bottom: 1.5px solid #1c2127; padding: 1.5mm 1.5mm; vertical-align: bottom; }
table.data th.num { text-align: right; white-space: normal; }
table.data td { border-bottom: 0.5px solid #d5dbe0; padding: 1.2mm 1.5mm; vertical-align: top; }
table.data td.label, table.data td.text { overflow-wrap: anywhere; }
table.data td.nowrap { white-space: nowrap; }
table.data tr { break-inside: avoid; }
table.data tr.group td { font-weight: 700; background: #f6f7f8; }
table.data tr.total td { font-weight: 700; border-top: 1.5px solid #1c2127; }
table.data td.label { width: 38%; }
table.lines { font-size: 8pt; }
table.flags col.severity { width: 24%; }
table.flags col.where { width: 21%; }
table.flags col.finding { width: 31%; }
table.flags col.review { width: 24%; }
.severity { display: inline-block; padding: 0.3mm 1.8mm; border-radius: 1mm; font-weight: 700; white-space: nowrap; }
.severity.error { background: #8f1d1d; color: #fff; }
.severity.warning { background: #f2c14e; color: #1c2127; }
.severity.info { background: #dbe4ea; color: #1c2127; }
.review { color: #1d5e2f; }
table.pefa td.grade { text-align: center; font-size: 11pt; white-space: nowrap; }
table.pefa td.grade.none { font-size: 9pt; font-style: italic; }
table.pefa td.text { font-size: 8.5pt; }
.pefa-ungraded { border-left: 4px solid #1c2127; padding-left: 3mm; }
pre.mapping { white-space: pre-wrap; word-break: break-all; font-size: 7.5pt; background: #f6f7f8; padding: 2mm; border-radius: 1mm; }
`;

/** The report's whole style sheet, fonts included. */
export function reportCss(): string {
  return [embeddedFontCss(), LAYOUT, COVER, FIGURES, TABLES].join('\n');
}
