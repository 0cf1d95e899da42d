import { cellAddress, columnLetter, type GridSheet } from '../grid';
import type { ImportedAmount, ImportIssue, Phase } from '../model';
import type { RawRow } from './classify-rows';
import type { HeaderBlock } from './find-header';
import { resolveColumn } from './map-columns';
import {
  isPicked,
  leftOutIssues,
  longBudgetName,
  pickLongBudget,
  type LongPick,
} from './long-budgets';
import type { LongMapping } from './mapping';
import type { TableRows } from './read-rows';
import { textAt } from './sheet-cells';
import { phaseOfField, type Field } from './vocabulary';

interface Place {
  sheet: GridSheet;
  header: HeaderBlock;
  file: string;
}

/** A phase value split from a year fused to it: "2015ORGB" → 2015 and "ORGB". */
export function splitPhaseValue(text: string): { year: number | null; code: string } {
  const t = text.trim().toUpperCase();
  const before = /^((?:19|20)\d{2})\s*[-_/]?\s*(.+)$/.exec(t);
  if (before) return { year: Number(before[1]), code: before[2]! };
  const after = /^(.+?)\s*[-_/]?\s*((?:19|20)\d{2})$/.exec(t);
  if (after) return { year: Number(after[2]), code: after[1]! };
  return { year: null, code: t };
}

function info(place: Place, code: string, row: number | null, column: string | null, message: string): ImportIssue {
  return { severity: 'info', code, file: place.file, sheet: place.sheet.name, row, column, message };
} // prettier-ignore

/** Key columns as 0-based indexes, and their headers; names that match no column are dropped. */
function keyColumns(place: Place, names: readonly string[]): { col: number; name: string }[] {
  return names.flatMap((name) => {
    const col = resolveColumn(name, place.header);
    return col === null ? [] : [{ col, name: place.header.columns.find((c) => c.col === col)?.name ?? name }];
  });
} // prettier-ignore

interface Group {
  first: number;
  raw: RawRow;
  amounts: ImportedAmount[];
  keyValues: Record<string, string>;
}

/** Adds a figure to a group's line: summed with the parts kept, or taken once. */
function addTo(group: Group, amount: ImportedAmount, once: boolean): boolean {
  const held = group.amounts.find((a) => a.phase === amount.phase);
  const part = (a: ImportedAmount) => ({ cell: a.cell, valueMinor: a.valueMinor, sourceText: a.sourceText });
  if (!held) group.amounts.push({ ...amount, parts: [part(amount)] });
  else if (once) return held.valueMinor === amount.valueMinor;
  else {
    held.parts = [...(held.parts ?? []), part(amount)];
    held.valueMinor += amount.valueMinor;
  }
  group.raw.values[amount.phase] = group.amounts.find((a) => a.phase === amount.phase)!.valueMinor;
  return true;
} // prettier-ignore

function toTable(groups: Iterable<Group>, passed: TableRows, issues: ImportIssue[]): TableRows {
  const list = [...groups].sort((a, b) => a.first - b.first);
  for (const g of list) for (const a of g.amounts) if (a.parts?.length === 1) delete a.parts;
  const out: TableRows = {
    raws: [],
    amounts: [],
    rates: [],
    issues: [...passed.issues, ...issues],
  };
  for (const g of list) {
    out.raws.push({ ...g.raw, keyValues: g.keyValues });
    out.amounts.push(g.amounts);
    out.rates.push(null);
  }
  return out;
}

/**
 * Long format: each row holds one figure whose phase another column names, often fused with a
 * year ("2015ORGB"). Rows with the same key (the other columns, or `spec.key`) become one line
 * with a figure per phase. A file holding several years or entities (`spec.entity`) is read as
 * one budget, the one asked or else the one `pickLongBudget` chooses, returned as `pick`; the
 * rows of the others are counted and reported. Rows whose phase the template leaves out or
 * does not know, and lines that lack a phase others have, are reported too.
 */
export function pivotLong(
  place: Place,
  table: TableRows,
  spec: LongMapping,
  asked: { year: number | null; entity: string | null },
): TableRows & { pick?: LongPick } {
  const phaseCol = resolveColumn(spec.phase, place.header);
  const amountCol = resolveColumn(spec.amount, place.header);
  if (phaseCol === null || amountCol === null)
    return {
      ...table,
      issues: [
        ...table.issues,
        info(
          place,
          'long-column-missing',
          null,
          null,
          `Colonne de phase « ${spec.phase} » ou de montant « ${spec.amount} » introuvable`,
        ),
      ],
    };
  const others = place.header.columns
    .filter((c) => c.col !== phaseCol && c.col !== amountCol)
    .map((c) => c.name);
  const keys = keyColumns(place, spec.key ?? others);
  const entityCol = spec.entity === undefined ? null : resolveColumn(spec.entity, place.header);
  const entityAt = (row: number) => (entityCol === null ? null : textAt(place.sheet, row, entityCol) || null); // prettier-ignore
  const values = new Map(Object.entries(spec.values).map(([k, v]) => [k.toUpperCase(), v]));
  const groups = new Map<string, Group>();
  const left = new Map<string, { rows: number; first: number; known: boolean }>();
  const issues: ImportIssue[] = [];
  const phaseOfRow = (raw: RawRow) => {
    const text = textAt(place.sheet, raw.row, phaseCol);
    if (!text || raw.isRepeatedHeader) return null;
    const split = splitPhaseValue(text);
    const field = values.get(split.code);
    return { split, phase: field ? phaseOfField(field as Field) : null };
  };
  const facts = table.raws.flatMap((raw) => {
    const read = phaseOfRow(raw);
    return read?.phase ? [{ entity: entityAt(raw.row), year: read.split.year, phase: read.phase }] : [];
  }); // prettier-ignore
  const pick = pickLongBudget(facts, asked);
  const year = pick?.year ?? asked.year;
  const otherBudgets = new Map<string, number>();

  table.raws.forEach((raw, i) => {
    const read = phaseOfRow(raw);
    if (!read) return;
    const { split, phase } = read;
    if (phase && !isPicked(pick, entityAt(raw.row), split.year)) {
      const name = longBudgetName(entityAt(raw.row), split.year);
      otherBudgets.set(name, (otherBudgets.get(name) ?? 0) + 1);
      return;
    }
    if (!phase || (year !== null && split.year !== null && split.year !== year)) {
      const why = !values.has(split.code) ? `« ${split.code} » : phase inconnue du modèle` : phase ? `année ${split.year} écartée` : `« ${split.code} » : laissée de côté par le modèle`;
      const seen = left.get(why) ?? { rows: 0, first: raw.row + 1, known: values.has(split.code) };
      left.set(why, { ...seen, rows: seen.rows + 1 });
      return;
    }
    const keyValues = Object.fromEntries(keys.map((k) => [k.name, textAt(place.sheet, raw.row, k.col)]));
    const id = JSON.stringify([...Object.values(keyValues), year === null ? split.year : null]);
    const label = raw.label ?? ([...keys.map((k) => keyValues[k.name]).filter((v) => v && v !== raw.code), split.year].filter(Boolean).join(' · ') || null);
    const group = groups.get(id) ?? { first: i, raw: { ...raw, label, values: {} }, amounts: [], keyValues };
    groups.set(id, group);
    const amount = table.amounts[i]!.find((a) => a.cell === cellAddress(raw.row, amountCol));
    if (!amount) return;
    if (group.amounts.some((a) => a.phase === phase)) issues.push(info(place, 'long-duplicate-phase', raw.row + 1, columnLetter(phaseCol), `Ligne ${raw.row + 1} : un second montant « ${phase} » pour la même ligne ; le premier est gardé`));
    else addTo(group, { ...amount, phase }, false);
  }); // prettier-ignore

  for (const [why, { rows, first, known }] of left) {
    issues.push({ ...info(place, known ? 'long-phase-left-out' : 'long-phase-unknown', first, columnLetter(phaseCol), `${why} : ${rows} ligne(s), à partir de la ligne ${first}`), severity: known ? 'info' : 'warning' });
  } // prettier-ignore
  const phases = new Set([...groups.values()].flatMap((g) => g.amounts.map((a) => a.phase)));
  for (const phase of phases) {
    const lacking = [...groups.values()].filter((g) => !g.amounts.some((a) => a.phase === phase));
    if (lacking.length > 0) issues.push(info(place, 'long-phase-missing', lacking[0]!.raw.row + 1, null, `${lacking.length} ligne(s) sans montant « ${phase} », à partir de la ligne ${lacking[0]!.raw.row + 1}`));
  } // prettier-ignore
  if (pick) issues.push(...leftOutIssues({ file: place.file, sheet: place.sheet.name, row: null, column: null }, pick, otherBudgets)); // prettier-ignore
  const out = toTable(groups.values(), { ...table, issues: table.issues }, issues);
  return pick ? { ...out, pick } : out;
}

/**
 * Transaction grain: one row per commitment or payment, several rows per budget line. Rows with
 * the same values in the key columns become one line, figures summed with every cell kept as a
 * part; the fields in `once` (an allocation repeated on each row) are taken once, and a row that
 * disagrees with the first is reported. Rows without any key value pass through unchanged.
 */
export function groupTransactions(
  place: Place,
  table: TableRows,
  keyNames: readonly string[],
  once: readonly Field[],
): TableRows {
  const keys = keyColumns(place, keyNames);
  const oncePhases = new Set(
    once.map((f) => phaseOfField(f)).filter((p): p is Phase => p !== null),
  );
  const groups = new Map<string, Group>();
  const issues: ImportIssue[] = [];
  table.raws.forEach((raw, i) => {
    const keyValues = Object.fromEntries(keys.map((k) => [k.name, textAt(place.sheet, raw.row, k.col)]));
    const hasKey = Object.values(keyValues).some(Boolean) && Object.keys(raw.values).length > 0;
    const id = hasKey ? JSON.stringify(Object.values(keyValues)) : `row ${i}`;
    const group = groups.get(id) ?? { first: i, raw: { ...raw, values: {} }, amounts: [], keyValues };
    groups.set(id, group);
    for (const a of table.amounts[i]!) {
      if (!addTo(group, a, oncePhases.has(a.phase))) issues.push(info(place, 'allocation-differs', raw.row + 1, a.cell.replace(/\d+$/, ''), `Ligne ${raw.row + 1} : l'allocation ${a.valueMinor} diffère de celle de la ligne ${group.raw.row + 1} ; la première est gardée`));
    }
  }); // prettier-ignore
  return toTable(groups.values(), table, issues);
}
