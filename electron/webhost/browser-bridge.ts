// window.api for the renderer in a plain browser: the same DeskApi the Electron preload
// exposes, over HTTP to the web host. The one-time launch code comes in the URL fragment (never
// sent to a server by the browser); it is removed from the address at once and exchanged for a
// session cookie the page's scripts cannot read (web-session.ts). No secret is kept in the page,
// in storage or in any URL; every call carries only the custom request header.
import { z } from 'zod';
import type { DeskApi } from '../../shared/api';
import { DeskEvent, type ChannelName } from '../../shared/contract';
import { CODE_FRAGMENT, CODE_HEADER, EVENTS_PATH, INVOKE_PATH, REQUEST_HEADER, SESSION_PATH, type InvokeEnvelope } from './protocol';

// Under our CSP (no unsafe-eval) zod must not probe for `new Function`.
z.config({ jitless: true });

/** The launch code of the address, taken out of the address bar before anything else runs. */
function takeLaunchCode(): string | null {
  const code = new URLSearchParams(location.hash.slice(1)).get(CODE_FRAGMENT);
  if (code !== null) history.replaceState(null, '', location.pathname + location.search);
  return code;
}

/**
 * Settles once the code has been exchanged for the session cookie (or there was none: a reload
 * keeps the cookie). A refused exchange is not an error here: the next call says it in German.
 */
async function exchangeLaunchCode(code: string | null): Promise<void> {
  if (code === null) return;
  await fetch(SESSION_PATH, { method: 'POST', headers: { [CODE_HEADER]: code, [REQUEST_HEADER]: '1' } }).catch(() => undefined);
}

class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sessionReady = exchangeLaunchCode(takeLaunchCode());

const api: DeskApi = {
  async invoke(channel: ChannelName, input: unknown) {
    await sessionReady;
    let response: Response;
    try {
      response = await fetch(INVOKE_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [REQUEST_HEADER]: '1' },
        body: JSON.stringify({ channel, input }),
      });
    } catch {
      throw new DeskError('internal', 'Die Anwendung (Web-Host) ist nicht erreichbar. Läuft „npm start“ noch?');
    }
    const envelope = (await response.json().catch(() => null)) as InvokeEnvelope | null;
    if (!envelope) throw new DeskError('internal', `Ungültige Antwort des Web-Hosts (HTTP ${response.status}).`);
    if (!envelope.ok) throw new DeskError(envelope.error.code, envelope.error.message);
    return envelope.value as never;
  },
  subscribe(listener) {
    // The session cookie authorises the stream: nothing secret in its URL.
    let source: EventSource | null = null;
    let unsubscribed = false;
    void sessionReady.then(() => {
      if (unsubscribed) return;
      source = new EventSource(EVENTS_PATH);
      source.onmessage = (message) => {
        const parsed = DeskEvent.safeParse(JSON.parse(String(message.data)));
        if (parsed.success) listener(parsed.data);
      };
    });
    return () => {
      unsubscribed = true;
      source?.close();
    };
  },
};

Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
