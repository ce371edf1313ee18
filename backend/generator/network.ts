// Identifiers of the free-SMS log: customer numbers and the sender's IP address.
import { type Prng } from './prng';

/** Ten-digit customer numbers, digits only as the contract requires. */
export function customerNumber(rng: Prng): string {
  return String(rng.between(1, 9)) + rng.digits(9);
}

/** First octets of address ranges German access providers announce; keeps the data plausible. */
const IPV4_FIRST_OCTETS = [2, 5, 31, 37, 46, 77, 78, 79, 80, 84, 87, 88, 91, 93, 95, 109, 178, 188, 217] as const;
/** Prefixes of German providers' IPv6 blocks (Telekom, Vodafone, Telefónica, 1&1). */
const IPV6_PREFIXES = ['2003:e5', '2003:c1', '2a02:908', '2a02:810d', '2a01:c22', '2a00:20', '2001:16b8'] as const;

export function ipv4(rng: Prng): string {
  return `${rng.pick(IPV4_FIRST_OCTETS)}.${rng.int(256)}.${rng.int(256)}.${rng.between(1, 254)}`;
}

export function ipv6(rng: Prng): string {
  const prefix = rng.pick(IPV6_PREFIXES);
  const groups = 8 - prefix.split(':').length;
  const rest: string[] = [];
  for (let i = 0; i < groups; i++) rest.push(rng.int(0x10000).toString(16));
  return `${prefix}:${rest.join(':')}`;
}

/** About a third of home connections show up with IPv6. */
export function homeIp(rng: Prng): string {
  return rng.chance(0.3) ? ipv6(rng) : ipv4(rng);
}
