import { Menu } from 'electron';
import type { RecentFile } from '../../src-shared/desktop-api';
import { menuTemplate, type MenuHandlers } from './menu-template';

export type { MenuHandlers } from './menu-template';

/** The application menu in French or English; the edit roles keep their system shortcuts. */
export function buildMenu(
  lang: 'fr' | 'en',
  handlers: MenuHandlers,
  recent: readonly RecentFile[] = [],
): Menu {
  return Menu.buildFromTemplate(menuTemplate(lang, handlers, recent));
}
