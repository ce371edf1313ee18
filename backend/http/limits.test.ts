// Slow and greedy clients: headers that never finish, a body that trickles, more connections
// than allowed. Each is cut off instead of holding the backend's resources.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../server';
import { startBackendForTest } from '../testing/test-backend';

let backend: RunningBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Resolves with what the server sent before it closed the connection, and how long that took. */
function untilClosed(socket: Socket): Promise<{ received: string; ms: number }> {
  const started = performance.now();
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  return new Promise((resolve) => socket.on('close', () => resolve({ received, ms: performance.now() - started })));
}

describe('connection limits', () => {
  it('closes a connection whose headers do not arrive in time (408), and one whose body trickles', async () => {
    backend = await startBackendForTest({ demo: false, timeouts: { headersMs: 500, requestMs: 1_000 } });
    const slowHeaders = await open(backend.url);
    const closedA = untilClosed(slowHeaders);
    slowHeaders.write('GET /api/v1/feed HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const a = await closedA;
    expect(a.ms).toBeLessThan(5_000);
    expect(a.received).toMatch(/^HTTP\/1\.1 408/);

    const slowBody = await open(backend.url);
    const closedB = untilClosed(slowBody);
    slowBody.write('POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user');
    const timer = setInterval(() => slowBody.writable && slowBody.write(' '), 200);
    const b = await closedB;
    clearInterval(timer);
    expect(b.ms).toBeLessThan(5_000);
    expect(b.received).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('accepts no more connections than its cap', async () => {
    backend = await startBackendForTest({ demo: false, maxConnections: 2 });
    const held = [await open(backend.url), await open(backend.url)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const third = await open(backend.url);
    const closed = await untilClosed(third);
    expect(closed.received).toBe('');
    for (const socket of held) socket.destroy();
  });
});
