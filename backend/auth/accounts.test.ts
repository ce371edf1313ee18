import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountsFileError, readAccountsFile } from './accounts';
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword } from './password-hash';

const dir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-accounts-'));
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

describe('password hashes', () => {
  it('default to scrypt N = 2^17 and verify only the right password (NFC, so ü typed either way matches)', async () => {
    expect(DEFAULT_PASSWORD_COST).toBe(17);
    const hash = await hashPassword('Grüße-an-die-Leitstelle', 12);
    expect(hash).toMatch(/^scrypt\$12\$8\$1\$/);
    expect(await verifyPassword('Grüße-an-die-Leitstelle', hash)).toBe(true);
    expect(await verifyPassword('Gru\u0308ße-an-die-Leitstelle', hash)).toBe(true);
    expect(await verifyPassword('Grüße-an-die-leitstelle', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('--users FILE', () => {
  it('reads accounts with roles and hashes, and refuses malformed files with the reason', async () => {
    const hash = await hashPassword('ein-langes-passwort', 10);
    const accounts = readAccountsFile(file('ok.json', [{ username: 'k.weber', displayName: 'Katrin Weber', roles: ['agent', 'supervisor'], passwordHash: hash }]));
    expect(accounts[0]).toMatchObject({ username: 'k.weber', roles: ['agent', 'supervisor'] });
    const bad: [string, unknown, RegExp][] = [
      ['not-json.json', '{', /JSON|Unexpected|Expected/],
      ['empty.json', [], /at least|Too small|>=1/i],
      ['plain-password.json', [{ username: 'a', displayName: 'A', roles: ['agent'], passwordHash: 'geheim' }], /passwordHash/],
      ['low-cost.json', [{ username: 'a', displayName: 'A', roles: ['agent'], passwordHash: hash.replace('scrypt$10$', 'scrypt$4$') }], /passwordHash/],
      ['role.json', [{ username: 'a', displayName: 'A', roles: ['admin'], passwordHash: hash }], /roles/],
      ['twice.json', [{ username: 'a', displayName: 'A', roles: ['agent'], passwordHash: hash }, { username: 'a', displayName: 'B', roles: ['dpo'], passwordHash: hash }], /unique/],
    ];
    for (const [name, content] of bad) expect(() => readAccountsFile(file(name, content)), name).toThrow(AccountsFileError);
    for (const [name, content, reason] of bad) expect(() => readAccountsFile(file(name, content)), name).toThrow(reason);
  });
});
