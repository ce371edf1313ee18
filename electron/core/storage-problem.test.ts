import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageProblem } from './storage-problem';
import { tempDir } from './test-support/fixtures';

/** A real SQLite error, not a hand-made one: a table that cannot grow past its page limit. */
function realFullDiskError(): unknown {
  const db = new Database(path.join(tempDir(), 'full.sqlite'));
  db.exec('CREATE TABLE t (v TEXT)');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  try {
    db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    return null;
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
}

describe('storageProblem', () => {
  it('turns a full disk into a German message naming the interrupted work', () => {
    const problem = storageProblem(realFullDiskError(), 'Die Synchronisierung');
    expect(problem?.message).toMatch(/^Der Datenträger ist voll: Die Synchronisierung wurde abgebrochen/);
  });

  it('recognises read-only and I/O errors, and leaves every other error alone', () => {
    expect(storageProblem({ code: 'SQLITE_READONLY_DBMOVED' })?.message).toMatch(/schreibgeschützt/);
    expect(storageProblem({ code: 'SQLITE_IOERR_WRITE' })?.message).toMatch(/Datenträgerfehler/);
    expect(storageProblem({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeNull();
    expect(storageProblem(new Error('boom'))).toBeNull();
  });
});
