// The Online-Kundencenter's access log for the demo and the tests: ordinary sessions (login,
// logout, now and then a changed password or a mistyped one) and the patterns the officers
// look for, guaranteed on any date within the last 60 days: a customer whose login is tried many
// times in a row (failed logins per day), a customer logging in from many addresses on one day,
// and one address trying many customers' accounts.
import { type PortalAction } from '../../shared/domain';
import { berlinDay, DAY_MS } from '../time';
import { customerNumber, homeIp, ipv4 } from './network';
import { type Prng } from './prng';

export interface PortalRecordDraft {
  customerNumber: string;
  atMs: number;
  ip: string;
  action: PortalAction;
}

const SESSIONS_PER_CUSTOMER = 6;

/** Around noon in Berlin on a day `daysBack` days before `nowMs`. */
function middayBefore(nowMs: number, daysBack: number): number {
  return berlinDay(nowMs - daysBack * DAY_MS) * DAY_MS + 11 * 3_600_000;
}

/** About `n` records between fromMs and nowMs, in time order. */
export function portalRecords(rng: Prng, n: number, fromMs: number, nowMs: number): PortalRecordDraft[] {
  if (n <= 0) return [];
  const out: PortalRecordDraft[] = [];
  const customers = Array.from({ length: Math.max(3, Math.ceil(n / (SESSIONS_PER_CUSTOMER * 2))) }, () => ({ number: customerNumber(rng), ip: homeIp(rng) }));
  const span = nowMs - fromMs;
  while (out.length < n) {
    const c = rng.pick(customers);
    const at = Math.floor((fromMs + rng.next() * span) / 1000) * 1000;
    if (rng.chance(0.08)) out.push({ customerNumber: c.number, atMs: at - 30_000, ip: c.ip, action: 'login_failed' });
    out.push({ customerNumber: c.number, atMs: at, ip: c.ip, action: 'login' });
    if (rng.chance(0.05)) out.push({ customerNumber: c.number, atMs: at + 120_000, ip: c.ip, action: 'password_changed' });
    out.push({ customerNumber: c.number, atMs: Math.min(nowMs, at + rng.between(2, 40) * 60_000), ip: c.ip, action: 'logout' });
  }
  if (n >= 30) out.push(...guaranteedPatterns(rng, customers, nowMs));
  return out.filter((r) => r.atMs <= nowMs && r.atMs >= fromMs).sort((a, b) => a.atMs - b.atMs);
}

function guaranteedPatterns(rng: Prng, customers: { number: string; ip: string }[], nowMs: number): PortalRecordDraft[] {
  const out: PortalRecordDraft[] = [];
  // 1. Someone guesses a customer's password: 20 failed logins in 20 minutes from one address.
  const victim = customers[0]!;
  const guesser = ipv4(rng);
  const t1 = middayBefore(nowMs, rng.between(3, 60));
  for (let i = 0; i < 20; i++) out.push({ customerNumber: victim.number, atMs: t1 + i * 60_000, ip: guesser, action: 'login_failed' });
  // 2. One customer logs in from eight addresses on one day.
  const roaming = customers[1]!;
  const t2 = middayBefore(nowMs, rng.between(3, 60));
  for (let i = 0; i < 8; i++) out.push({ customerNumber: roaming.number, atMs: t2 + i * 15 * 60_000, ip: homeIp(rng), action: 'login' });
  // 3. One address tries fifteen customers' accounts (credential stuffing), one of them with success.
  const stuffer = ipv4(rng);
  const t3 = middayBefore(nowMs, rng.between(3, 60));
  for (let i = 0; i < 15; i++) out.push({ customerNumber: customerNumber(rng), atMs: t3 + i * 20_000, ip: stuffer, action: i === 14 ? 'login' : 'login_failed' });
  return out;
}
