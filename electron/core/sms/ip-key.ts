// IP addresses as 16-byte keys (IPv4 mapped into IPv6), so that an exact address or a CIDR
// range, IPv4 or IPv6, is one index range in sms_log. The strict reading and the key space are
// the contract's (shared/ip-range.ts), the same for records from the feed and for queries.
import { lookupRangeProblem, parseIpAddress, parseIpRange } from '../../../shared/ip-range';
import { DeskError } from '../desk-error';

/** The 16-byte key of an address in strict text form; throws on anything else. */
export function ipKey(address: string): Buffer {
  return storedIp(address).ipKey;
}

/** What a record stores for its address: the canonical text (1.2.3.4 also for ::ffff:1.2.3.4) and the key. */
export function storedIp(address: string): { ip: string; ipKey: Buffer } {
  const parsed = parseIpAddress(address);
  if (!parsed) throw new DeskError('invalid_input', `„${address.slice(0, 60)}“ ist keine gültige IP-Adresse.`);
  return { ip: parsed.canonical, ipKey: Buffer.from(parsed.key) };
}

/** Inclusive [low, high] keys of an address or CIDR range a lookup may ask for; DeskError otherwise. */
export function ipKeyRange(addressOrCidr: string): { low: Buffer; high: Buffer } {
  const range = parseIpRange(addressOrCidr);
  const problem = 'problem' in range ? range.problem : lookupRangeProblem(range);
  if (problem || 'problem' in range) throw new DeskError('invalid_input', problem ?? 'Ungültige IP-Adresse.');
  return { low: Buffer.from(range.low), high: Buffer.from(range.high) };
}
