// Records stored before issue 12 were keyed with ipaddr.js, which reads the IPv4-compatible
// `::a.b.c.d` as IPv4-mapped: an IPv4 lookup of a.b.c.d found them. Once per database, every
// stored IPv6 text is keyed again by the strict reading and stored in its canonical text.
// (IPv4 texts were keyed right: the feed's schema already refused anything but dotted quads.)
import type { DeskDb } from '../db/open';
import { readState, writeState } from '../db/state';
import { parseIpAddress } from '../../../shared/ip-range';

const DONE_KEY = 'sms.ip_keys';
const DONE = 'strict-1';

export function rekeyStoredAddresses(db: DeskDb): number {
  if (readState(db, DONE_KEY) === DONE) return 0;
  const client = db.$client;
  let changed = 0;
  db.transaction(() => {
    const rows = client.prepare("SELECT rowid AS rowid, ip FROM sms_log WHERE instr(ip, ':') > 0").all() as { rowid: number; ip: string }[];
    const update = client.prepare('UPDATE sms_log SET ip = ?, ip_key = ? WHERE rowid = ?');
    for (const row of rows) {
      const parsed = parseIpAddress(row.ip);
      // Unreadable text cannot have come through the feed's schema; left as it is, it matches nothing.
      if (parsed) changed += update.run(parsed.canonical, Buffer.from(parsed.key), row.rowid).changes;
    }
    writeState(db, DONE_KEY, DONE);
  });
  return changed;
}
