// SMS misuse lookup at scale by customer number, exact IP and a /24 range, through the core's
// lookup (aggregation and audit entry included), against the raw indexed SELECT.
import { lookupSms } from '../electron/core/sms/lookup';
import { ipKeyRange } from '../electron/core/sms/ip-key';
import { percentile, sampleMs } from './lib/measure';
import { freshDb, seedSms } from './lib/seed';

export interface LookupResult {
  by: string;
  p50: number;
  p95: number;
  baselineP95: number;
}

export async function benchSmsLookup(records: number, samples = 60): Promise<LookupResult[]> {
  const { db } = freshDb();
  seedSms(db, records, { days: 90 });
  db.$client.exec('ANALYZE');
  const clock = () => new Date();
  const customers = Array.from({ length: samples + 3 }, (_, i) => String(100_000 + ((i * 7919 * 13) % Math.floor(records / 20))));
  const ips = Array.from({ length: samples + 3 }, (_, i) => `10.${(i * 37) & 255}.${(i * 11) & 255}.${(i * 5) & 255}`);
  const nets = ips.map((ip) => ip.replace(/\.\d+$/, '.0/24'));

  const byCustomer = db.$client.prepare('SELECT id, customer_number, sent_at, ip FROM sms_log WHERE customer_number = ? ORDER BY sent_at');
  const byKeyRange = db.$client.prepare('SELECT id, customer_number, sent_at, ip FROM sms_log WHERE ip_key BETWEEN ? AND ? ORDER BY sent_at');
  const cases = [
    {
      by: 'customer',
      ours: (i: number) => lookupSms(db, clock, 'bench-dpo', { customerNumber: customers[i]!, caseRef: 'AZ-BENCH', purpose: 'Benchmark' }),
      raw: (i: number) => byCustomer.all(customers[i]!),
    },
    {
      by: 'IP',
      ours: (i: number) => lookupSms(db, clock, 'bench-dpo', { ip: ips[i]!, caseRef: 'AZ-BENCH', purpose: 'Benchmark' }),
      raw: (i: number) => {
        const { low, high } = ipKeyRange(ips[i]!);
        return byKeyRange.all(low, high);
      },
    },
    {
      by: '/24 CIDR',
      ours: (i: number) => lookupSms(db, clock, 'bench-dpo', { ip: nets[i]!, caseRef: 'AZ-BENCH', purpose: 'Benchmark' }),
      raw: (i: number) => {
        const { low, high } = ipKeyRange(nets[i]!);
        return byKeyRange.all(low, high);
      },
    },
  ];
  const results: LookupResult[] = [];
  for (const c of cases) {
    let i = 0;
    const ours = await sampleMs(() => c.ours(i++ % customers.length), samples);
    let j = 0;
    const raw = await sampleMs(() => c.raw(j++ % customers.length), samples);
    results.push({ by: c.by, p50: percentile(ours, 50), p95: percentile(ours, 95), baselineP95: percentile(raw, 95) });
  }
  db.$client.close();
  return results;
}
