import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../src-shared/desktop-api';

export interface MenuHandlers {
  send(action: MenuAction): void;
  exportReport(): void;
  openHelp(): void;
}

const LABELS = {
  fr: {
    file: 'Fichier',
    import: 'Importer un budget…',
    export: 'Exporter le rapport HTML…',
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
    export: 'Export the HTML report…',
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

/** The application menu in French or English; the edit roles keep their system shortcuts. */
export function buildMenu(lang: 'fr' | 'en', handlers: MenuHandlers): Menu {
  const l = LABELS[lang];
  const send = (action: MenuAction) => () => handlers.send(action);
  const template: MenuItemConstructorOptions[] = [
    {
      label: l.file,
      submenu: [
        { label: l.import, accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: l.export, accelerator: 'CmdOrCtrl+E', click: () => handlers.exportReport() },
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
  return Menu.buildFromTemplate(template);
}
