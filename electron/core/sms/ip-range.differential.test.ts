// Issue 12, item 3: the strict reading of IP addresses and networks (shared/ip-range.ts), against
// an independent implementation, Python's `ipaddress`, over 120,000 random address/prefix texts:
// valid and broken IPv4 (leading zeros, octal, hex, integers, shorthand), IPv6 full and
// zero-compressed, upper and mixed case, IPv4-mapped and IPv4-compatible, with and without
// prefixes. For every text both must agree on: valid or not, the range's first and last key
// (IPv4 as ::ffff:a.b.c.d), and whether a lookup may ask for it (MIN_LOOKUP_PREFIX).
//
// Where we are stricter than Python on purpose (each refused by us, accepted by Python):
// - zone ids (`fe80::1%eth0`): meaningless in a log of internet senders;
// - a prefix written with leading zeros (`/024`) or as a netmask (`/255.255.0.0`): one notation.
import { describe, expect, it } from 'vitest';
import { runPython } from '../../../tests/oracles/python';
import { IpLookupRange, lookupRangeProblem, parseIpRange } from '../../../shared/ip-range';
import { IpAddress } from '../../../shared/wire';
import { ipKey, ipKeyRange } from './ip-key';

const PAIRS = 120_000;

/** A small seeded PRNG (mulberry32): the same texts on every run, and a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T,>(items: readonly T[]): T => items[int(items.length)]! };
}

type Rng = ReturnType<typeof prng>;

function octet(rng: Rng): string {
  const value = rng.pick([0, 1, 10, 127, 192, 255, rng.int(256), rng.int(256), rng.int(256)]);
  const roll = rng.next();
  if (roll < 0.03) return `0${value}`; // leading zero: octal in some parsers
  if (roll < 0.04) return `0x${value.toString(16)}`;
  if (roll < 0.05) return String(256 + rng.int(800));
  if (roll < 0.055) return '';
  return String(value);
}

function ipv4(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.03) return String(rng.int(2 ** 32)); // an integer
  if (roll < 0.06) return Array.from({ length: 2 + rng.int(2) }, () => octet(rng)).join('.'); // shorthand 10.1
  if (roll < 0.07) return Array.from({ length: 5 }, () => octet(rng)).join('.');
  return Array.from({ length: 4 }, () => octet(rng)).join('.');
}

function hextet(rng: Rng): string {
  const value = rng.pick([0, 0, 0, 1, 0xffff, 0xdb8, 0x2001, rng.int(0x10000), rng.int(0x10000)]);
  let text = value.toString(16);
  const roll = rng.next();
  if (roll < 0.1) text = text.padStart(4, '0'); // leading zeros within 4 digits are standard
  else if (roll < 0.12) text = text.padStart(5, '0'); // five digits are not
  else if (roll < 0.125) text = 'g';
  if (rng.next() < 0.25) text = text.toUpperCase();
  return text;
}

function ipv6(rng: Rng): string {
  const kind = rng.next();
  if (kind < 0.12) return `${rng.pick(['::ffff:', '::FFFF:', '0:0:0:0:0:ffff:', '::ffff:0:'])}${ipv4(rng)}`; // mapped
  if (kind < 0.2) return `${rng.pick(['::', '0::', '0:0:0:0:0:0:'])}${ipv4(rng)}`; // IPv4-compatible
  const withV4 = kind < 0.26;
  const count = withV4 ? 6 : 8;
  const groups = Array.from({ length: count + (rng.next() < 0.04 ? 1 : 0) - (rng.next() < 0.04 ? 1 : 0) }, () => hextet(rng));
  if (withV4) groups.push(ipv4(rng));
  const roll = rng.next();
  if (roll < 0.55) {
    // Zero-compress a run (sometimes of length 0 or 1, sometimes twice).
    const start = rng.int(groups.length + 1);
    const length = rng.int(Math.min(5, groups.length - start + 1));
    groups.splice(start, length, '');
    if (start === 0) groups.unshift('');
    if (start + 1 >= groups.length) groups.push('');
    if (rng.next() < 0.03) groups.splice(rng.int(groups.length), 0, '');
  }
  let text = groups.join(':').replace(/:{3,}/g, '::');
  if (rng.next() < 0.02) text = `${text}%eth0`;
  if (rng.next() < 0.01) text = `[${text}]`;
  if (rng.next() < 0.01) text = `:${text}`;
  return text;
}

function prefix(rng: Rng, v6: boolean): string {
  const roll = rng.next();
  if (roll < 0.3) return '';
  const max = v6 ? 128 : 32;
  if (roll < 0.33) return `/0${rng.int(max)}`;
  if (roll < 0.35) return `/${max + 1 + rng.int(100)}`;
  if (roll < 0.36) return rng.pick(['/', '/-1', '/+8', '/ 8', '/1/2', '/255.255.0.0', '/0.0.255.255']);
  // Favour the interesting prefixes: around the minimum, the mapped /96 and /112, full length.
  return `/${rng.pick([0, 8, 15, 16, 17, 24, 31, 32, 33, 64, 80, 95, 96, 97, 111, 112, 113, 120, 128, rng.int(max + 1)].filter((p) => p <= max))}`;
}

function randomText(rng: Rng): string {
  const v6 = rng.next() < 0.6;
  return `${v6 ? ipv6(rng) : ipv4(rng)}${prefix(rng, v6)}`;
}

const PYTHON = `
import ipaddress, json, sys
MAPPED = ipaddress.ip_network('::ffff:0:0/96')
def key(a):
    return (b'\\0' * 10 + b'\\xff\\xff' + a.packed) if a.version == 4 else a.packed
def verdict(text):
    try:
        net = ipaddress.ip_network(text, strict=False) if '/' in text else ipaddress.ip_network(ipaddress.ip_address(text))
    except ValueError:
        return None
    if net.version == 4:
        allowed = net.prefixlen >= 16
    elif net.subnet_of(MAPPED):
        allowed = net.prefixlen >= 112
    elif net.overlaps(MAPPED):
        allowed = False
    else:
        allowed = net.prefixlen >= 32
    return [key(net.network_address).hex(), key(net.broadcast_address).hex(), allowed]
print(json.dumps([verdict(t) for t in json.load(sys.stdin)]))
`;

/** Texts Python accepts and we refuse on purpose (see the head of this file). */
function stricterOnPurpose(text: string): boolean {
  const [, prefixText] = text.split('/');
  return text.includes('%') || (prefixText !== undefined && !/^(0|[1-9]\d*)$/.test(prefixText));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('IP addresses and networks against Python ipaddress', () => {
  it(`${PAIRS.toLocaleString('en')} random texts: same validity, same range, same lookup verdict`, { timeout: 120_000 }, () => {
    const rng = prng(12);
    const texts = Array.from({ length: PAIRS }, () => randomText(rng));
    const python = runPython<([string, string, boolean] | null)[]>(PYTHON, texts);
    const mismatches: unknown[] = [];
    const seen = { valid: 0, invalid: 0, mapped: 0, compatible: 0, compressed: 0, upper: 0, refusedAsTooWide: 0 };
    const attempt = <T,>(work: () => T): T | null => {
      try {
        return work();
      } catch {
        return null;
      }
    };
    texts.forEach((text, i) => {
      const verdict = python[i] && !stricterOnPurpose(text) ? python[i] : null;
      // The lookup (core and contract): the same range where Python's is valid and narrow enough, else refused.
      const expectedRange = verdict?.[2] ? verdict.slice(0, 2) : null;
      const range = attempt(() => ipKeyRange(text));
      const ours = range && [range.low.toString('hex'), range.high.toString('hex')];
      if (JSON.stringify(ours) !== JSON.stringify(expectedRange)) mismatches.push({ text, ours, python: python[i] });
      if (IpLookupRange.safeParse(text).success !== (expectedRange !== null)) mismatches.push({ text, schema: 'IpLookupRange disagrees' });
      // Records: an address without prefix has Python's key, or is refused (core and contract alike).
      if (!text.includes('/')) {
        const key = attempt(() => ipKey(text).toString('hex'));
        if (key !== (verdict?.[0] ?? null)) mismatches.push({ text, recordKey: key, python: python[i] });
        if (IpAddress.safeParse(text).success !== (verdict !== null)) mismatches.push({ text, schema: 'IpAddress disagrees' });
      }
      // Validity apart from the width: the parsed range itself.
      const parsed = parseIpRange(text);
      const full = 'problem' in parsed ? null : [hex(parsed.low), hex(parsed.high), lookupRangeProblem(parsed) === null];
      if (JSON.stringify(full) !== JSON.stringify(verdict)) mismatches.push({ text, parsed: full, python: python[i] });
      if (!full) seen.invalid++;
      else {
        seen.valid++;
        if (!full[2]) seen.refusedAsTooWide++;
        if (/^::ffff:/i.test(text)) seen.mapped++;
        if (/^(0:)*:?:\d+\./.test(text)) seen.compatible++;
        if (text.includes('::')) seen.compressed++;
        if (/[A-F]/.test(text)) seen.upper++;
      }
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
    // The generator reached every kind of text it is meant to.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(1000);
  });
});
