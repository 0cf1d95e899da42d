import type { MenuItemConstructorOptions } from 'electron';
import { MENU_ACTIONS, type MenuAction, type RecentFile } from '../../src-shared/desktop-api';
import type { ExportFormat } from '../report/export-budget';

export interface MenuHandlers {
  send(action: MenuAction): void;
  /** Asks where to write one export of the current budget, then writes it. */
  exportBudget(format: ExportFormat): void;
  openHelp(): void;
}

const LABELS = {
  fr: {
    file: 'Fichier',
    import: 'Importer un budget…',
    export: 'Exporter',
    recent: 'Fichiers récents',
    noRecent: 'Aucun fichier récent',
    quit: 'Quitter',
    edit: 'Édition',
    view: 'Affichage',
    overview: "Vue d'ensemble",
    lines: 'Lignes',
    flags: 'Alertes',
    language: 'Langue',
    zoomIn: 'Agrandir',
    zoomOut: 'Réduire',
    zoomReset: 'Taille réelle',
    fullScreen: 'Plein écran',
    help: 'Aide',
    about: 'Budget Clair sur le web',
  },
  en: {
    file: 'File',
    import: 'Import a budget…',
    export: 'Export',
    recent: 'Recent files',
    noRecent: 'No recent file',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    overview: 'Overview',
    lines: 'Lines',
    flags: 'Flags',
    language: 'Language',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size',
    fullScreen: 'Full screen',
    help: 'Help',
    about: 'Budget Clair on the web',
  },
} as const;

/** The entries of File → Export, in the order of the submenu; each opens a save dialog. */
export const EXPORT_ENTRIES: { format: ExportFormat; fr: string; en: string }[] = [
  { format: 'pdf', fr: 'Rapport PDF…', en: 'PDF report…' },
  { format: 'html', fr: 'Rapport HTML…', en: 'HTML report…' },
  { format: 'citizen', fr: 'Budget citoyen (PDF)…', en: 'Citizen budget (PDF)…' },
  { format: 'slides', fr: 'Diapositives (PDF)…', en: 'Slides (PDF)…' },
  { format: 'xlsx', fr: 'Classeur XLSX…', en: 'XLSX workbook…' },
  { format: 'csv', fr: 'CSV…', en: 'CSV…' },
  { format: 'fdp', fr: 'Fiscal Data Package…', en: 'Fiscal Data Package…' },
  { format: 'arrow', fr: 'Apache Arrow…', en: 'Apache Arrow…' },
];

/** File → Recent files: each entry asks the window to reopen the file at its place in the list. */
function recentSubmenu(
  lang: 'fr' | 'en',
  recent: readonly RecentFile[],
  send: (action: MenuAction) => () => void,
): MenuItemConstructorOptions[] {
  const actions = MENU_ACTIONS.filter((a) => a.startsWith('recent:'));
  const items = recent.slice(0, actions.length).map((file, i) => ({
    label: file.fileName,
    click: send(actions[i] as MenuAction),
  }));
  return items.length > 0 ? items : [{ label: LABELS[lang].noRecent, enabled: false }];
}

/** The menu's template, kept apart from Electron's Menu so that it can be read in tests. */
export function menuTemplate(
  lang: 'fr' | 'en',
  handlers: MenuHandlers,
  recent: readonly RecentFile[] = [],
): MenuItemConstructorOptions[] {
  const l = LABELS[lang];
  const send = (action: MenuAction) => () => handlers.send(action);
  const template: MenuItemConstructorOptions[] = [
    {
      label: l.file,
      submenu: [
        { label: l.import, accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: l.recent, submenu: recentSubmenu(lang, recent, send) },
        {
          label: l.export,
          submenu: EXPORT_ENTRIES.map((entry, i) => ({
            label: entry[lang],
            ...(i === 0 ? { accelerator: 'CmdOrCtrl+E' } : {}),
            click: () => handlers.exportBudget(entry.format),
          })),
        },
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { label: l.overview, accelerator: 'CmdOrCtrl+1', click: send('view:overview') },
        { label: l.lines, accelerator: 'CmdOrCtrl+2', click: send('view:lines') },
        { label: l.flags, accelerator: 'CmdOrCtrl+3', click: send('view:flags') },
        { type: 'separator' },
        {
          label: l.language,
          submenu: [
            { label: 'Français', type: 'radio', checked: lang === 'fr', click: send('lang:fr') },
            { label: 'English', type: 'radio', checked: lang === 'en', click: send('lang:en') },
          ],
        },
        { type: 'separator' },
        { label: l.zoomIn, role: 'zoomIn' },
        { label: l.zoomOut, role: 'zoomOut' },
        { label: l.zoomReset, role: 'resetZoom' },
        { label: l.fullScreen, role: 'togglefullscreen' },
      ],
    },
    { label: l.help, submenu: [{ label: l.about, click: () => handlers.openHelp() }] },
  ];
  return template;
}
