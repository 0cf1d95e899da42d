import type { Context } from './report-tables';
import { escapeHtml, safeHtml } from './safe-text';
import {
  FIELD_WORDS,
  OPTION_WORDS,
  SETTING_WORDS,
  UNIT_WORDS,
  wordsIn,
  type SettingUnit,
} from './settings-words';

type Row = [string, string, string];

function table(head: string[], rows: string[][], cls: string): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return `<table class="data ${cls}"><thead><tr>${th}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** A value the annex has no words for, as plain text rather than JSON. */
function plainText(value: unknown): string {
  if (Array.isArray(value)) return value.map(plainText).join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} : ${plainText(v)}`)
      .join(' ; ');
  }
  return String(value);
}

function settingValue(unit: SettingUnit, value: unknown, ctx: Context, exponent: number): string {
  const { m, fmt, lang } = ctx;
  const num = (v: unknown) => new Intl.NumberFormat(m.locale, { maximumFractionDigits: 4 }).format(Number(v)); // prettier-ignore
  switch (unit) {
    case 'percent':
      return `${num(value)}${lang === 'fr' ? '\u00a0%' : '%'}`;
    case 'minor':
      return fmt.money(Number(value));
    case 'major':
      return fmt.money(Number(value) * 10 ** exponent);
    case 'points':
    case 'lines':
    case 'amounts':
    case 'digits':
      return `${num(value)}\u00a0${UNIT_WORDS[unit][lang]}`;
    case 'boolean':
      return value ? m.yes : m.no;
    case 'basis':
      return value === 'original' ? m['phase.original'] : m['phase.revised'];
    case 'mad':
      return Array.isArray(value) ? value.map(num).join(' · ') : plainText(value);
    case 'number':
      return num(value);
    case 'hash':
      return String(value);
  }
}

/** The rule settings in force, each named in words with its unit. */
export function settingsTable(
  settings: Record<string, unknown>,
  ctx: Context,
  exponent: number,
): string {
  const entries = Object.entries(settings);
  if (entries.length === 0) return `<p>${escapeHtml(ctx.m.noSettings)}</p>`;
  const rows = entries.map(([key, value]) => {
    const words = SETTING_WORDS[key];
    const text = words ? settingValue(words.unit, value, ctx, exponent) : plainText(value);
    const cls = words?.unit === 'hash' ? 'mono' : 'num';
    return [
      safeHtml(wordsIn(words, ctx.lang, key)),
      `<span class="${cls}">${safeHtml(text)}</span>`,
    ];
  });
  return table([ctx.m.setting, ctx.m.value], rows, 'settings');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sheetRows(sheet: string, mapping: Record<string, unknown>, ctx: Context): Row[] {
  const { lang } = ctx;
  const fields = isRecord(mapping.fields) ? mapping.fields : {};
  const rows: Row[] = Object.entries(fields).map(([field, column]) => [
    sheet,
    wordsIn(FIELD_WORDS[field], lang, field),
    Array.isArray(column) ? column.join(' + ') : String(column),
  ]);
  for (const [key, value] of Object.entries(mapping)) {
    if (key === 'fields') continue;
    rows.push([sheet, wordsIn(OPTION_WORDS[key], lang, key), optionText(value, ctx)]);
  }
  return rows;
}

function optionText(value: unknown, { m }: Context): string {
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  return plainText(value);
}

/**
 * How an import read its file's columns: field in the report's words → the header text or
 * letter of the column. A template (`all`, `sheets`) and a plain sheet → fields record both read.
 */
export function mappingTable(mapping: unknown, ctx: Context): string {
  const { m, lang } = ctx;
  if (!isRecord(mapping)) return `<p>${escapeHtml(m.noMapping)}</p>`;
  const isTemplate = 'all' in mapping || 'sheets' in mapping || 'version' in mapping;
  const rows: Row[] = [];
  if (isTemplate) {
    for (const [key, value] of Object.entries(mapping)) {
      if (['all', 'sheets', 'version', 'signature'].includes(key)) continue;
      rows.push([m.allSheets, wordsIn(OPTION_WORDS[key], lang, key), optionText(value, ctx)]);
    }
    if (isRecord(mapping.all)) rows.push(...sheetRows(m.allSheets, mapping.all, ctx));
    const sheets = isRecord(mapping.sheets) ? mapping.sheets : {};
    for (const [name, sheet] of Object.entries(sheets)) {
      if (isRecord(sheet)) rows.push(...sheetRows(name, sheet, ctx));
    }
  } else {
    for (const [name, fields] of Object.entries(mapping)) {
      if (isRecord(fields)) rows.push(...sheetRows(name, { fields }, ctx));
    }
  }
  if (rows.length === 0) return `<p>${escapeHtml(m.noMapping)}</p>`;
  const safe = rows.map((row) => row.map((cell) => safeHtml(cell)));
  return table([m.sheet, m.mappingField, m.mappingColumn], safe, 'mapping');
}
