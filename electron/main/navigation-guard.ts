// Keeps the main window on the app page. A renderer that could navigate elsewhere would take
// window.api (and the personal data behind it) along to whatever page it landed on.
import type { Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-url';
import { isAllowedExternalUrl } from './external-url';

type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardNavigation(
  webContents: GuardedWebContents,
  appUrl: string,
  openExternal: (url: string) => Promise<void>,
): void {
  const stayInApp = (event: Event<{ url: string }>): void => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  };
  webContents.on('will-navigate', stayInApp);
  webContents.on('will-redirect', stayInApp);

  // No second windows at all; tel:/mailto: links go to the phone or mail program instead.
  webContents.setWindowOpenHandler(({ url }: HandlerDetails): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(url)) {
      // Pass on the parsed form, so stray control characters never reach the OS handler.
      openExternal(new URL(url).href).catch(() => {
        // No handler for tel:/mailto: installed: nothing to do, the click just has no effect.
      });
    }
    return { action: 'deny' };
  });
}
