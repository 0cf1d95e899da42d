import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../report/export-budget';
import type { MenuAction, RecentFile } from '../../src-shared/desktop-api';
import { EXPORT_ENTRIES, menuTemplate } from './menu-template';

function exportSubmenu(lang: 'fr' | 'en', exported: ExportFormat[]) {
  const template = menuTemplate(lang, {
    send: () => undefined,
    exportBudget: (format) => exported.push(format),
    openHelp: () => undefined,
  });
  const file = template[0]?.submenu as MenuItemConstructorOptions[];
  const entry = file.find((item) => item.label === (lang === 'fr' ? 'Exporter' : 'Export'));
  return entry?.submenu as MenuItemConstructorOptions[];
}

describe('File → Export', () => {
  it.each([
    ['fr', ['Rapport PDF…', 'Rapport HTML…', 'Budget citoyen (PDF)…', 'Diapositives (PDF)…']],
    ['en', ['PDF report…', 'HTML report…', 'Citizen budget (PDF)…', 'Slides (PDF)…']],
  ] as const)('lists the reports first, in %s', (lang, labels) => {
    const items = exportSubmenu(lang, []);

    expect(items.slice(0, 4).map((item) => item.label)).toEqual(labels);
    expect(items.map((item) => item.label)).toContain(
      lang === 'fr' ? 'Classeur XLSX…' : 'XLSX workbook…',
    );
  });

  it('exports, for each entry clicked, the format it names, each one a known format', () => {
    const exported: ExportFormat[] = [];
    for (const item of exportSubmenu('fr', exported)) {
      (item.click as () => void)();
    }

    expect(exported).toEqual(['pdf', 'html', 'citizen', 'slides', 'xlsx', 'csv', 'fdp', 'arrow']);
    expect(
      EXPORT_ENTRIES.every((e) => (EXPORT_FORMATS as readonly string[]).includes(e.format)),
    ).toBe(true);
  });

  it('writes through a save dialog and the export service in the shell', () => {
    // main.ts needs the Electron binary to run; its source is what can be checked here.
    const main = readFileSync(join(__dirname, 'main.ts'), 'utf8');

    expect(main).toMatch(/exportBudget: \(format\) => void exportFromMenu\(store, format\)/);
    expect(main).toMatch(/dialog\.showSaveDialog/);
    expect(main).toMatch(/await exportReport\(store, \{ format, outPath: choice\.filePath/);
  });
});

describe('File → Recent files', () => {
  const recentMenu = (lang: 'fr' | 'en', files: RecentFile[], sent: MenuAction[]) => {
    const template = menuTemplate(
      lang,
      { send: (a) => sent.push(a), exportBudget: () => undefined, openHelp: () => undefined },
      files,
    );
    const file = template[0]?.submenu as MenuItemConstructorOptions[];
    const entry = file.find(
      (item) => item.label === (lang === 'fr' ? 'Fichiers récents' : 'Recent files'),
    );
    return entry?.submenu as MenuItemConstructorOptions[];
  };

  it('lists the files by name, each asking the window to reopen it by its place', () => {
    const sent: MenuAction[] = [];
    const files = ['a.xlsx', 'b.csv'].map((name) => ({
      path: `/home/u/${name}`,
      fileName: name,
      at: '2026-01-01T00:00:00Z',
    }));
    const items = recentMenu('fr', files, sent);
    for (const item of items) (item.click as () => void)();

    expect(items.map((item) => item.label)).toEqual(['a.xlsx', 'b.csv']);
    expect(sent).toEqual(['recent:0', 'recent:1']);
  });

  it('says there is none, in a disabled entry, when the list is empty', () => {
    expect(recentMenu('en', [], [])).toEqual([{ label: 'No recent file', enabled: false }]);
  });
});
