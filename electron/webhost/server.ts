// The web host: the renderer and the channel map over HTTP on 127.0.0.1 only. Calls need the
// session the page got for the one-time launch code (web-session.ts) and a custom header, which
// a foreign page cannot send without a CORS preflight that we never answer; the Host header is
// checked against DNS rebinding.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { toDeskErrorShape } from '../core/desk-error';
import type { DeskCore } from '../core/host';
import { BRIDGE_PATH, CODE_FRAGMENT, EVENTS_PATH, INVOKE_PATH, SESSION_PATH, type InvokeEnvelope } from './protocol';
import { setSecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import { createWebSessions } from './web-session';

const MAX_BODY_BYTES = 1024 * 1024;

export interface WebHostOptions {
  core: DeskCore;
  rendererDir: string;
  bridgeFile: string;
  port?: number;
}

export interface RunningWebHost {
  /** Open this in the browser: it carries the one-time launch code in its fragment. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const eventStreams = new Set<http.ServerResponse>();
  let origin = '';
  const sessions = createWebSessions(() => origin);

  const server = http.createServer(async (req, res) => {
    setSecurityHeaders(res);
    const host = req.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) {
      return sendJson(res, 421, { ok: false, error: { code: 'forbidden', message: 'Falscher Host.' } });
    }
    const url = new URL(req.url ?? '/', origin);
    try {
      if (url.pathname === SESSION_PATH) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Nur POST.' } });
        return sessions.exchange(req, res) ? sendJson(res, 200, { ok: true, value: null }) : refuse(res);
      }
      if (url.pathname === INVOKE_PATH) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Nur POST.' } });
        if (!sessions.mayCall(req)) return refuse(res);
        const body = await readBody(req);
        if (body === undefined) return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Ungültiger JSON-Körper.' } });
        const { channel, input } = (body ?? {}) as { channel?: unknown; input?: unknown };
        const envelope: InvokeEnvelope = await options.core
          // Not String(channel): an object whose toString is not callable would throw (a 500).
          .handle(typeof channel === 'string' ? channel : '', input)
          .then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error: toDeskErrorShape(error) }));
        return sendJson(res, 200, envelope);
      }
      if (url.pathname === EVENTS_PATH) {
        if (!sessions.mayListen(req)) return refuse(res);
        res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
        res.write(': verbunden\n\n');
        eventStreams.add(res);
        req.on('close', () => eventStreams.delete(res));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Nur GET.' } });
      if (url.pathname === BRIDGE_PATH) return serveStatic(res, options.bridgeFile);
      if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(res, options.rendererDir);
      return serveStatic(res, path.join(options.rendererDir, url.pathname), options.rendererDir);
    } catch (error) {
      return sendJson(res, 500, { ok: false, error: toDeskErrorShape(error) });
    }
  });

  const unsubscribe = options.core.subscribe((event) => {
    for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#${CODE_FRAGMENT}=${sessions.launchCode}`,
    origin,
    async close() {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refuse(res: http.ServerResponse): void {
  sendJson(res, 403, {
    ok: false,
    error: {
      code: 'forbidden',
      message: 'Keine gültige Sitzung: bitte die beim Start ausgegebene Adresse öffnen. Sie gilt nur einmal; für einen anderen Browser den Web-Host neu starten.',
    },
  });
}

function sendJson(res: http.ServerResponse, status: number, body: InvokeEnvelope): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The body as JSON; undefined when it is not JSON or too large. */
async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The renderer's index.html with the bridge script placed before the app's own scripts. */
async function serveIndex(res: http.ServerResponse, rendererDir: string): Promise<void> {
  let html: string;
  try {
    html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Die Oberfläche ist nicht gebaut. Bitte `npm run build` ausführen.');
    return;
  }
  const withBridge = html.replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(withBridge);
}
