// The backend's accounts: from `--users FILE` (a JSON list with password hashes), or the demo
// users (password = username) hashed at start. Unknown usernames cost the same work as known
// ones (a decoy hash), so timing tells nobody which accounts exist.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Role } from '../../shared/domain';
import { type SessionUser } from '../../shared/sync-api';
import { type DemoUser } from '../../shared/views';
import { hashPassword, isPasswordHash, verifyPassword } from './password-hash';

export const Account = z.strictObject({
  username: z.string().min(1).max(100).regex(/^[a-z0-9._-]+$/, 'username: lower-case letters, digits, . _ -'),
  displayName: z.string().min(1).max(200),
  roles: z.array(Role).min(1),
  passwordHash: z.string().refine(isPasswordHash, 'passwordHash: scrypt$<cost 10-22>$r$p$salt$key (npm run backend -- hash-password)'),
});
export type Account = z.infer<typeof Account>;
export const AccountsFile = z.array(Account).min(1).refine((list) => new Set(list.map((a) => a.username)).size === list.length, 'usernames must be unique');

export class AccountsFileError extends Error {
  override readonly name = 'AccountsFileError';
}

export function readAccountsFile(file: string): Account[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AccountsFileError(`--users ${file}: ${(error as Error).message}`);
  }
  const parsed = AccountsFile.safeParse(raw);
  if (!parsed.success) throw new AccountsFileError(`--users ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export async function demoAccounts(users: readonly DemoUser[], cost: number): Promise<Account[]> {
  return Promise.all(users.map(async (u) => ({ username: u.username, displayName: u.displayName, roles: [...u.roles], passwordHash: await hashPassword(u.password, cost) })));
}

export class Credentials {
  private readonly byUsername: Map<string, Account>;

  private constructor(accounts: readonly Account[], private readonly decoy: string) {
    this.byUsername = new Map(accounts.map((a) => [a.username, a]));
  }

  static async create(accounts: readonly Account[], cost: number): Promise<Credentials> {
    return new Credentials(accounts, await hashPassword('decoy', cost));
  }

  async verify(username: string, password: string): Promise<SessionUser | null> {
    const account = this.byUsername.get(username);
    const matches = await verifyPassword(password, account?.passwordHash ?? this.decoy);
    return account && matches ? { id: account.username, displayName: account.displayName, roles: account.roles } : null;
  }
}
