// Purge of expired SMS records through the retention sweep (secure delete, receipts, WAL
// scrub), against a raw DELETE with secure_delete off on an identical copy of the database.
import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../electron/core/db/open';
import { sweepRetention } from '../electron/core/retention/sweep';
import { timeMs } from './lib/measure';
import { freshDb, seedSms } from './lib/seed';
import { benchDir } from './lib/world';

export interface PurgeResult {
  purged: number;
  oursPerSec: number;
  baselinePerSec: number;
  ratio: number;
  sizeBeforeMb: number;
  sizeAfterMb: number;
}

const DAY_MS = 86_400_000;

export async function benchPurge(expired: number): Promise<PurgeResult> {
  const now = Date.now();
  const { db, file } = freshDb();
  // The expired records are 91–180 days old; a tenth as many recent ones must survive.
  seedSms(db, expired, { days: 89, now: now - 91 * DAY_MS });
  seedSms(db, Math.ceil(expired / 10), { days: 80, now });
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  const copy = path.join(benchDir(), 'baseline.sqlite');
  copyFileSync(file, copy);
  const sizeBeforeMb = statSync(file).size / 1024 / 1024;

  const ours = openDatabase(file);
  let purged = 0;
  const oursMs = await timeMs(() => {
    purged = sweepRetention(ours, () => new Date(now)).smsPurged;
  });
  ours.$client.close();
  const sizeAfterMb = statSync(file).size / 1024 / 1024;

  const raw = new Database(copy);
  raw.pragma('journal_mode = WAL');
  raw.pragma('secure_delete = OFF');
  const cutoff = new Date(now - 90 * DAY_MS).toISOString();
  const baselineMs = await timeMs(() => raw.prepare('DELETE FROM sms_log WHERE sent_at < ?').run(cutoff));
  raw.close();

  const oursPerSec = (purged / oursMs) * 1000;
  const baselinePerSec = (purged / baselineMs) * 1000;
  return { purged, oursPerSec, baselinePerSec, ratio: oursPerSec / baselinePerSec, sizeBeforeMb, sizeAfterMb };
}
