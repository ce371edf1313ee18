// The feed cursor: opaque to clients, base64url of "v2.<epoch>.<seq>". The epoch belongs to the
// database, so a cursor survives restarts and other processes, while one from another database
// (a restored backup, a new server) is refused with 410 instead of skipping or repeating events.

export function encodeCursor(epoch: string, seq: number): string {
  return Buffer.from(`v2.${epoch}.${seq}`, 'utf8').toString('base64url');
}

/** The sequence number the cursor points at, or null when this database cannot honour it. */
export function decodeCursor(cursor: string, epoch: string, head: number): number | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const match = /^v2\.([0-9a-f]+)\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== epoch) return null;
  const seq = Number(match[2]);
  return seq <= head ? seq : null;
}
