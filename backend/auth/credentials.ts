// Password check for the demo users: salted scrypt hashes compared in constant time, and the
// same work for unknown usernames, so timing tells nobody which accounts exist.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { type DemoUser } from '../../shared/views';

/** Cheap on purpose (demo accounts, many logins in tests); still not reversible at a glance. */
const SCRYPT = { N: 4096, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

interface StoredCredential {
  user: DemoUser;
  salt: Buffer;
  hash: Buffer;
}

const hash = (password: string, salt: Buffer): Buffer => scryptSync(password, salt, KEY_LENGTH, SCRYPT);

export class CredentialCheck {
  private readonly byUsername = new Map<string, StoredCredential>();
  private readonly decoy: StoredCredential;

  constructor(users: readonly DemoUser[]) {
    for (const user of users) {
      const salt = randomBytes(16);
      this.byUsername.set(user.username, { user, salt, hash: hash(user.password, salt) });
    }
    const salt = randomBytes(16);
    this.decoy = { user: { username: '', password: '', displayName: '', roles: [] }, salt, hash: randomBytes(KEY_LENGTH) };
  }

  verify(username: string, password: string): DemoUser | null {
    const stored = this.byUsername.get(username);
    const candidate = hash(password, (stored ?? this.decoy).salt);
    const matches = timingSafeEqual(candidate, (stored ?? this.decoy).hash);
    return stored && matches ? stored.user : null;
  }
}
