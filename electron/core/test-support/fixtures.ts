// Builders for tests of the core: a real SQLite file in a fresh temp folder, and feed events.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeedEvent } from '../../../shared/sync-api';
import type { Clock } from '../clock';
import { openDatabase, type DeskDb, type OpenOptions } from '../db/open';

export function tempDir(prefix = 'servicedesk-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDatabase(options: OpenOptions = {}): { db: DeskDb; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'servicedesk.sqlite');
  return { db: openDatabase(file, options), file, dir };
}

export type FakeClock = Clock & { set(at: string): void; advance(ms: number): void };

export function fixedClock(start: string): FakeClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as FakeClock;
  clock.set = (at) => {
    now = new Date(at).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export function queuedCallback(
  overrides: { id?: string; preferredDate?: string; from?: string; to?: string } = {},
): Extract<FeedEvent, { type: 'request.queued' }> {
  return {
    id: randomUUID(),
    type: 'request.queued',
    at: '2026-11-24T08:00:00.000Z',
    request: {
      id: overrides.id ?? randomUUID(),
      kind: 'callback',
      receivedAt: '2026-11-24T08:00:00.000Z',
      summary: {
        preferredDate: overrides.preferredDate ?? '2026-11-25',
        preferredWindow: { from: overrides.from ?? '10:00', to: overrides.to ?? '12:00' },
        topic: 'billing',
      },
    },
  };
}
