// A bulk pull keeps its transaction open across page waits (feed-batch.ts): other work of the
// desk must never write into it, a failing page takes the batch back with its cursor, and what
// was applied before a failure stays.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { DB_FILE } from '../db/open';
import { readState, STATE_KEYS, writeState } from '../db/state';
import type { Desk } from '../desk';
import { demoDesk, syncParts } from '../test-support/demo-desk';
import { tempDatabase } from '../test-support/fixtures';
import { BackendClient } from './backend-client';
import { asDeskWork, FeedBatch, settleFeedBatch } from './feed-batch';
import { pullFeed } from './feed-pull';

describe('FeedBatch on a real SQLite file', () => {
  it('keeps pages in one transaction until it commits, and settleFeedBatch commits it for other work', () => {
    const { db, file } = tempDatabase();
    const reader = new Database(file, { readonly: true });
    try {
      const batch = new FeedBatch(db.$client);
      batch.apply(1, () => writeState(db, STATE_KEYS.cursor, 'page-1'));
      batch.apply(1, () => writeState(db, STATE_KEYS.cursor, 'page-2'));
      expect(batch.size).toBe(2);
      expect(db.$client.inTransaction).toBe(true);
      const committed = () => reader.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(STATE_KEYS.cursor);
      expect(committed()).toBeUndefined();

      settleFeedBatch(db.$client);
      expect(db.$client.inTransaction).toBe(false);
      expect(committed()).toBe('page-2');
      expect(batch.size).toBe(0);
    } finally {
      reader.close();
      db.$client.close();
    }
  });

  it('a page that fails takes the whole open batch back, its cursor with it', () => {
    const { db } = tempDatabase();
    try {
      writeState(db, STATE_KEYS.cursor, 'before');
      const batch = new FeedBatch(db.$client);
      batch.apply(1, () => writeState(db, STATE_KEYS.cursor, 'page-1'));
      expect(() =>
        batch.apply(1, () => {
          writeState(db, STATE_KEYS.cursor, 'page-2');
          throw new Error('disk full');
        }),
      ).toThrow('disk full');
      expect(db.$client.inTransaction).toBe(false);
      expect(readState(db, STATE_KEYS.cursor)).toBe('before');
      batch.commit(); // nothing left to commit: no error
      expect(readState(db, STATE_KEYS.cursor)).toBe('before');
    } finally {
      db.$client.close();
    }
  });

  it('while other work of the desk runs, every page commits on its own', async () => {
    const { db } = tempDatabase();
    try {
      const batch = new FeedBatch(db.$client);
      batch.apply(1, () => writeState(db, STATE_KEYS.cursor, 'page-1'));
      let pageCommittedAlone = false;
      await asDeskWork(db.$client, async () => {
        // The batch was settled when the work began.
        expect(db.$client.inTransaction).toBe(false);
        await Promise.resolve();
        batch.apply(1, () => writeState(db, STATE_KEYS.cursor, 'page-2'));
        pageCommittedAlone = !db.$client.inTransaction;
      });
      expect(pageCommittedAlone).toBe(true);
      batch.apply(1, () => writeState(db, STATE_KEYS.cursor, 'page-3'));
      expect(db.$client.inTransaction).toBe(true); // no work running any more: the batch stays open again
      batch.commit();
      expect(readState(db, STATE_KEYS.cursor)).toBe('page-3');
    } finally {
      db.$client.close();
    }
  });
});

describe('a pull against the reference backend', () => {
  const DEMO = { callbacks: 20, contacts: 5, dpo: 2, equality: 2, sms: 120 };
  let backend: RunningBackend;
  const desks: Desk[] = [];

  beforeEach(async () => {
    backend = await startBackendForTest({ seed: 11, demo: DEMO });
  });
  afterEach(async () => {
    await Promise.all(desks.splice(0).map((d) => d.close()));
    await backend.close();
  });

  it('applies pages without committing while it waits, and a call of the renderer meanwhile finds them committed', async () => {
    const desk = await demoDesk(desks, backend.url, 'supervisor', { host: 'cli' });
    const { ctx, backendUrl, token } = await syncParts(desk);
    const reader = new Database(path.join(desk.dataDir, DB_FILE), { readonly: true });
    const committedRows = () => reader.prepare('SELECT (SELECT count(*) FROM requests) + (SELECT count(*) FROM sms_log)').pluck().get() as number;
    const seen: { beforeCall: number; afterCall: number; openAfterCall: boolean }[] = [];
    let feedCalls = 0;
    const client = new BackendClient({
      baseUrl: backendUrl,
      token,
      fetch: (input, init) => {
        // While the pull waits for its fourth page, the renderer asks something.
        if (String(input).includes('/feed') && ++feedCalls === 4) {
          setImmediate(() => {
            const beforeCall = committedRows();
            void desk.handle('sync.state', {});
            seen.push({ beforeCall, afterCall: committedRows(), openAfterCall: desk.db.$client.inTransaction });
          });
        }
        return fetch(input, init);
      },
    });
    try {
      const report = await pullFeed(ctx, client, 20);
      expect(feedCalls).toBeGreaterThan(4);
      expect(seen).toHaveLength(1);
      // Two pages applied and not yet committed when the call came; committed before it ran.
      expect(seen[0]!.beforeCall).toBe(0);
      expect(seen[0]!.afterCall).toBeGreaterThan(0);
      expect(seen[0]!.openAfterCall).toBe(false);
      // And the pull went on to the end, everything committed.
      expect(desk.db.$client.inTransaction).toBe(false);
      expect(committedRows()).toBe(DEMO.callbacks + DEMO.contacts + DEMO.dpo + DEMO.equality + DEMO.sms);
      expect(report.applied).toBeGreaterThanOrEqual(committedRows());
      expect(readState(desk.db, STATE_KEYS.cursor)).not.toBeNull();
    } finally {
      reader.close();
    }
  });
});
