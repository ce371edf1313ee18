// The German application menu: only what a desk user needs, plus developer tools in dev builds.
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(options: {
  platform: NodeJS.Platform;
  devTools: boolean;
}): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Neu laden' },
    { type: 'separator' },
    { role: 'resetZoom', label: 'Originalgröße' },
    { role: 'zoomIn', label: 'Vergrößern' },
    { role: 'zoomOut', label: 'Verkleinern' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Vollbild' },
  ];
  if (options.devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Entwicklerwerkzeuge' });

  const menu: MenuItemConstructorOptions[] = [
    {
      label: 'Datei',
      // On macOS "Beenden" lives in the app menu; Datei closes the window there instead.
      submenu: [options.platform === 'darwin' ? { role: 'close', label: 'Fenster schließen' } : { role: 'quit', label: 'Beenden' }],
    },
    {
      label: 'Bearbeiten',
      submenu: [
        { role: 'undo', label: 'Rückgängig' },
        { role: 'redo', label: 'Wiederholen' },
        { type: 'separator' },
        { role: 'cut', label: 'Ausschneiden' },
        { role: 'copy', label: 'Kopieren' },
        { role: 'paste', label: 'Einfügen' },
        { role: 'selectAll', label: 'Alles auswählen' },
      ],
    },
    { label: 'Ansicht', submenu: view },
    { role: 'help', label: 'Hilfe', submenu: [{ role: 'about', label: 'Über Servicecenter Desk' }] },
  ];
  // macOS puts the app's own menu first; without it the first menu would be renamed to the app.
  if (options.platform === 'darwin') menu.unshift({ role: 'appMenu', label: 'Servicecenter Desk' });
  return menu;
}
