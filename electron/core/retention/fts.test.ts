import { describe, expect, it } from 'vitest';
import { tempDatabase } from '../test-support/fixtures';
import { enableFtsSecureDelete, ftsTables } from './fts';
import { filesBelow, scanFiles } from './raw-scan';
import { scrubWal } from './purge';

const TOKEN = 'zwiebelfischmarker';

function indexAndDelete(secureDeleteOption: boolean) {
  const { db, dir } = tempDatabase(); // PRAGMA secure_delete is on, as in the app
  db.$client.exec('CREATE VIRTUAL TABLE notes_fts USING fts5(body)');
  if (secureDeleteOption) enableFtsSecureDelete(db, 'notes_fts');
  const insert = db.$client.prepare('INSERT INTO notes_fts(rowid, body) VALUES (?, ?)');
  for (let i = 1; i <= 50; i++) insert.run(i, `Rückruf wegen Abrechnung Nummer ${i}`);
  insert.run(100, `Anruf von ${TOKEN} wegen Rechnung`);
  db.$client.prepare('DELETE FROM notes_fts WHERE rowid = 100').run();
  scrubWal(db);
  return { db, dir };
}

describe('full-text indexes', () => {
  it('the shipped schema has none; any added later must have FTS5 secure-delete on', () => {
    const { db } = tempDatabase();
    expect(ftsTables(db).filter((t) => !t.secureDelete)).toEqual([]);
  });

  it('PRAGMA secure_delete alone leaves a deleted token in the FTS5 index', () => {
    const { dir } = indexAndDelete(false);
    expect(scanFiles(filesBelow(dir), [TOKEN]).length).toBeGreaterThan(0);
  });

  it('with the FTS5 secure-delete option the token is gone from every file', () => {
    const { db, dir } = indexAndDelete(true);
    expect(ftsTables(db)).toEqual([{ name: 'notes_fts', secureDelete: true }]);
    expect(scanFiles(filesBelow(dir), [TOKEN])).toEqual([]);
  });
});
