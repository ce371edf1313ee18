// The secret the backend gave this workstation at its first login (issue 14). Every later login
// on this workstation id needs it: the id is visible in the feed, the secret never leaves here.
// Kept per backend and workstation id, so it is never sent to another backend or for another id.
import { z } from 'zod';
import { WorkstationSecret } from '../../../shared/sync-api';
import type { TokenStore } from '../host';

const StoredSecret = z.object({ backendUrl: z.string(), workstation: z.string(), secret: WorkstationSecret });
type StoredSecret = z.infer<typeof StoredSecret>;

function read(store: TokenStore): StoredSecret | null {
  const raw = store.load();
  if (!raw) return null;
  try {
    const parsed = StoredSecret.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The secret to send for this backend and workstation id, if this workstation has one. */
export function workstationSecretFor(store: TokenStore, backendUrl: string, workstation: string): string | undefined {
  const stored = read(store);
  return stored && stored.backendUrl === backendUrl && stored.workstation === workstation ? stored.secret : undefined;
}

export function rememberWorkstationSecret(store: TokenStore, backendUrl: string, workstation: string, secret: string): void {
  store.save(JSON.stringify({ backendUrl, workstation, secret } satisfies StoredSecret));
}
