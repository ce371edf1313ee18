// Fast synthetic rows for the read and purge benchmarks, written with raw prepared statements
// (seeding is not what is measured).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openDatabase, type DeskDb } from '../../electron/core/db/open';
import { ipKey } from '../../electron/core/sms/ip-key';
import { berlinInstant } from '../../electron/core/time/berlin';
import { benchDir } from './world';

const TOPICS = ['billing', 'contract', 'move', 'outage', 'other'];
const STATUSES = ['open', 'open', 'open', 'claimed_elsewhere', 'closed'];
const DAY_MS = 86_400_000;

export function freshDb(): { db: DeskDb; file: string } {
  const file = path.join(benchDir(), 'bench.sqlite');
  return { db: openDatabase(file), file };
}

/** `count` queue entries: 65 % callbacks with windows over the next two weeks, the rest messages. */
export function seedRequests(db: DeskDb, count: number, now = Date.now()): void {
  const insert = db.$client.prepare(
    `INSERT INTO requests (id, kind, received_at, topic, preferred_date, window_from, window_to, due_from, due_until, status, attempts, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  const dueCache = new Map<string, string>();
  const due = (date: string, time: string) => {
    const key = `${date}T${time}`;
    let v = dueCache.get(key);
    if (!v) dueCache.set(key, (v = berlinInstant(date, time)));
    return v;
  };
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      const received = new Date(now - (i % 5000) * 60_000).toISOString();
      const topic = TOPICS[i % TOPICS.length]!;
      const status = STATUSES[i % STATUSES.length]!;
      if (i % 100 < 65) {
        const date = new Date(now + ((i % 14) - 2) * DAY_MS).toISOString().slice(0, 10);
        const hour = 8 + (i % 5) * 2;
        const from = `${String(hour).padStart(2, '0')}:00`;
        const to = `${String(hour + 2).padStart(2, '0')}:00`;
        insert.run(randomUUID(), 'callback', received, topic, date, from, to, due(date, from), due(date, to), status, received);
      } else {
        insert.run(randomUUID(), i % 100 < 95 ? 'contact' : 'dpo', received, topic, null, null, null, null, null, status, received);
      }
    }
  })();
}

/** `count` SMS sends over the last `days` days from `customers` customers and a pool of IPv4 /24s and IPv6 addresses. */
export function seedSms(db: DeskDb, count: number, options: { days: number; customers?: number; now?: number }): void {
  const now = options.now ?? Date.now();
  const customers = options.customers ?? Math.max(10, Math.floor(count / 20));
  const insert = db.$client.prepare('INSERT INTO sms_log (id, customer_number, sent_at, ip, ip_key) VALUES (?, ?, ?, ?, ?)');
  const span = options.days * DAY_MS;
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      const customer = String(100_000 + ((i * 7919) % customers));
      const sentAt = new Date(now - ((i * 104_729) % span)).toISOString();
      const ip = i % 4 === 0 ? `2001:db8:${(i % 4096).toString(16)}::${(i % 200).toString(16)}` : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      insert.run(randomUUID(), customer, sentAt, ip, ipKey(ip));
    }
  })();
}
