// window.api for the renderer in a plain browser: the same DeskApi the Electron preload
// exposes, over HTTP to the web host. The per-launch secret comes in the URL fragment (never
// sent to a server by the browser), is kept for this tab only, and goes with every call.
import { z } from 'zod';
import type { DeskApi } from '../../shared/api';
import { DeskEvent, type ChannelName } from '../../shared/contract';
import { EVENTS_PATH, INVOKE_PATH, SECRET_HEADER, SECRET_QUERY, type InvokeEnvelope } from './protocol';

// Under our CSP (no unsafe-eval) zod must not probe for `new Function`.
z.config({ jitless: true });

const STORAGE_KEY = 'servicedesk.launchSecret';

function launchSecret(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get(SECRET_QUERY);
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
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

const secret = launchSecret();

const api: DeskApi = {
  async invoke(channel: ChannelName, input: unknown) {
    let response: Response;
    try {
      response = await fetch(INVOKE_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
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
    const source = new EventSource(`${EVENTS_PATH}?${SECRET_QUERY}=${encodeURIComponent(secret)}`);
    source.onmessage = (message) => {
      const parsed = DeskEvent.safeParse(JSON.parse(String(message.data)));
      if (parsed.success) listener(parsed.data);
    };
    return () => source.close();
  },
};

Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
