// Defence in depth for every WebContents the app ever creates, not only the main window's: no
// <webview> can be attached (webviewTag is off, this also stops a re-enabled one) and no frame
// navigates away from the app page. The main window adds its own, stricter rules on top.
import type { App, Event, WebContents } from 'electron';
import { isAppUrl } from './app-url';

type GuardedApp = Pick<App, 'on'>;

export function guardEveryWebContents(app: GuardedApp, appUrl: string): void {
  app.on('web-contents-created', (_event: Event, contents: WebContents) => {
    contents.on('will-attach-webview', (event: Event) => event.preventDefault());
    const stayInApp = (event: Event<{ url: string }>): void => {
      if (!isAppUrl(event.url, appUrl)) event.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
  });
}
