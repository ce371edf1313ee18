// The feed cursor: opaque to clients, base64url of "v1.<epoch>.<position>". The epoch changes on
// every start of the server, so a cursor from an earlier run (whose log is gone) is refused
// with 410 and the client starts over, instead of silently skipping or repeating events.

export function encodeCursor(epoch: string, position: number): string {
  return Buffer.from(`v1.${epoch}.${position}`, 'utf8').toString('base64url');
}

/** The log position the cursor points at, or null when this server cannot honour it. */
export function decodeCursor(cursor: string, epoch: string, logLength: number): number | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const match = /^v1\.([0-9a-f]+)\.(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== epoch) return null;
  const position = Number(match[2]);
  return position <= logLength ? position : null;
}
