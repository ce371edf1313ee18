// IP addresses and networks of the SMS log, read strictly and the same way for records and
// queries: IPv4 only as a dotted quad without leading zeros (zod's ipv4: no octal `010.0.0.1`, no
// `10.1`, no integers or hex), IPv6 only in the text form of RFC 4291 (zod's ipv6, which checks
// with the WHATWG URL parser; no zone ids, no brackets). Both families share one 16-byte key
// space: an IPv4 address is ::ffff:a.b.c.d, so `::ffff:1.2.3.4` is the IPv4 address 1.2.3.4,
// while the deprecated IPv4-compatible `::1.2.3.4` is the IPv6 address ::102:304.
import { z } from 'zod';

/**
 * The widest network a lookup may ask for: a misuse lookup names an address or a provider's
 * block, never the whole log. IPv4 /16 is 65,536 addresses; IPv6 /32 is one provider's allocation.
 */
export const MIN_LOOKUP_PREFIX = { ipv4: 16, ipv6: 32 } as const;

export interface IpRange {
  /** 'ipv4' for IPv4 text and for ranges inside ::ffff:0:0/96 (IPv4 written as IPv6). */
  family: 'ipv4' | 'ipv6';
  /** Prefix length in the family's own bits (IPv4: 0-32). */
  prefix: number;
  /** First and last 16-byte key of the range. */
  low: Uint8Array;
  high: Uint8Array;
}

/** zod's own pattern of z.ipv4(), tested directly: a feed page checks 500 addresses (issue 19). */
const IPV4_TEXT = z.regexes.ipv4;
const ipv6Text = z.ipv6();
const PREFIX_TEXT = /^(0|[1-9]\d{0,2})$/;
const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
/** ::ffff:0.0.0.0, the first IPv4 key. */
const FIRST_IPV4_KEY = Uint8Array.from([...MAPPED_PREFIX, 0, 0, 0, 0]);

/** One address in strict text form: its 16-byte key and its canonical text; null for anything else. */
export function parseIpAddress(text: string): { key: Uint8Array; canonical: string } | null {
  if (IPV4_TEXT.test(text)) {
    const key = new Uint8Array(16);
    key.set(MAPPED_PREFIX);
    const octets = text.split('.');
    for (let i = 0; i < 4; i++) key[12 + i] = Number(octets[i]);
    return { key, canonical: text };
  }
  if (!ipv6Text.safeParse(text).success) return null;
  // The URL parser that validated the text also serializes it canonically (RFC 5952: lower-case
  // hex groups, one `::`, no dotted quad), which leaves only group expansion to do here.
  const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const key = Uint8Array.from(all.flatMap((g) => [g >> 8, g & 0xff]));
  // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is that IPv4 address, also in its text.
  return { key, canonical: isMapped(key) ? [...key.subarray(12)].join('.') : canonical };
}

function isMapped(key: Uint8Array): boolean {
  return MAPPED_PREFIX.every((byte, i) => key[i] === byte);
}

/** An address or `address/prefix` (host bits are cleared, as for a network); a German problem otherwise. */
export function parseIpRange(text: string): IpRange | { problem: string } {
  const [address = '', prefixText, ...rest] = text.split('/');
  const key = parseIpAddress(address)?.key;
  if (!key || rest.length > 0) return { problem: `„${text.slice(0, 60)}“ ist keine gültige IP-Adresse und kein gültiges Netz (CIDR).` };
  const v4Text = !address.includes(':');
  const bits = v4Text ? 32 : 128;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!PREFIX_TEXT.test(prefixText) || Number(prefixText) > bits) return { problem: `Präfixlänge „/${prefixText.slice(0, 10)}“ ungültig: erlaubt ist /0 bis /${bits}.` };
    prefix = Number(prefixText);
  }
  const keyPrefix = v4Text ? prefix + 96 : prefix;
  const low = Uint8Array.from(key);
  const high = Uint8Array.from(key);
  for (let bit = keyPrefix; bit < 128; bit++) {
    const mask = 0x80 >> (bit & 7);
    low[bit >> 3]! &= ~mask;
    high[bit >> 3]! |= mask;
  }
  const family = keyPrefix >= 96 && isMapped(low) ? 'ipv4' : 'ipv6';
  return { family, prefix: family === 'ipv4' ? keyPrefix - 96 : keyPrefix, low, high };
}

/** The range may be looked up: not wider than MIN_LOOKUP_PREFIX, and no IPv6 range spanning IPv4 space. */
export function lookupRangeProblem(range: IpRange): string | null {
  const tooWide = `Das Netz ist zu groß für eine Missbrauchsabfrage: höchstens /${MIN_LOOKUP_PREFIX.ipv4} bei IPv4 und /${MIN_LOOKUP_PREFIX.ipv6} bei IPv6.`;
  if (range.family === 'ipv4') return range.prefix < MIN_LOOKUP_PREFIX.ipv4 ? tooWide : null;
  if (range.prefix < MIN_LOOKUP_PREFIX.ipv6) return tooWide;
  // An IPv6 range wider than /96 that reaches into ::ffff:0:0/96 holds all of it: every IPv4 address.
  const coversIpv4 = range.prefix < 96 && compareKeys(range.low, FIRST_IPV4_KEY) <= 0 && compareKeys(FIRST_IPV4_KEY, range.high) <= 0;
  return coversIpv4 ? `${tooWide} Dieses IPv6-Netz umfasst alle IPv4-Adressen.` : null;
}

function compareKeys(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < 16; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A lookup's address or network: strict text, not wider than MIN_LOOKUP_PREFIX. */
export const IpLookupRange = z
  .string()
  .trim()
  .max(100)
  .superRefine((text, ctx) => {
    const range = parseIpRange(text);
    const problem = 'problem' in range ? range.problem : lookupRangeProblem(range);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
