import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate } from './application-menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('applicationMenuTemplate', () => {
  it('has the four German menus', () => {
    const menu = applicationMenuTemplate({ platform: 'linux', devTools: false });
    expect(menu.map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    expect(roles(menu)).toContain('quit');
  });

  it('offers developer tools only in development', () => {
    expect(roles(applicationMenuTemplate({ platform: 'linux', devTools: false }))).not.toContain('toggleDevTools');
    expect(roles(applicationMenuTemplate({ platform: 'linux', devTools: true }))).toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS', () => {
    const menu = applicationMenuTemplate({ platform: 'darwin', devTools: false });
    expect(menu.map((item) => item.role ?? item.label)).toEqual(['appMenu', 'Datei', 'Bearbeiten', 'Ansicht', 'help']);
  });
});
