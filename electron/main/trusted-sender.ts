// Who may call window.api over IPC: only the top frame of our own window while it shows the app
// page. An iframe, or the window after a (blocked, but defence in depth) navigation, is refused.
import { isAppUrl } from './app-url';

/** The parts of Electron's IpcMainInvokeEvent this check reads; Electron's own type fits it. */
export interface InvokeSender {
  sender: unknown;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export function isTrustedSender(event: InvokeSender, mainWebContents: unknown, appUrl: string): boolean {
  if (mainWebContents == null || event.sender !== mainWebContents) return false;
  let frame: InvokeSender['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    // Older Electron threw when the frame was already gone; treat like a vanished frame.
    return false;
  }
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}
