import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/fixtures';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DatabaseFromFutureError, DEFAULT_MIGRATIONS_DIR, MigrationHistoryError, openDatabase } from './open';

// Every committed migration is applied exactly once; the count follows the folder.
const SHIPPED = readMigrationFiles({ migrationsFolder: DEFAULT_MIGRATIONS_DIR }).length;

describe('openDatabase', () => {
  it('runs the committed migrations and sets the deletion and durability pragmas', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const db = openDatabase(file);
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['requests', 'personal_data', 'callback_attempts', 'outbox', 'receipts', 'tombstones', 'sms_log', 'audit_log', 'quarantine', 'sync_state']),
    );
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.$client.pragma('auto_vacuum', { simple: true })).toBe(2); // INCREMENTAL: purged pages leave the file
    db.$client.close();
    // Opening again applies nothing twice.
    const again = openDatabase(file);
    expect(again.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: SHIPPED });
    again.$client.close();
  });

  it('refuses a database written by a newer version, with a German message, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    openDatabase(file).$client.close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 10 ** 10);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseFromFutureError);
    expect(() => openDatabase(file)).toThrow(/neueren Version/);
    const check = new Database(file);
    expect(check.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: SHIPPED + 1 });
    check.close();
  });

  it('refuses a history that does not match the shipped migrations', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    openDatabase(file).$client.close();
    const raw = new Database(file);
    raw.prepare('UPDATE __drizzle_migrations SET hash = ?').run('0'.repeat(64));
    raw.close();
    expect(() => openDatabase(file)).toThrow(MigrationHistoryError);
  });
});
