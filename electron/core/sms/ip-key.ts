// IP addresses as 16-byte keys (IPv4 mapped into IPv6), so that an exact address or a CIDR
// range, IPv4 or IPv6, is one index range in sms_log. ipaddr.js does the parsing.
import ipaddr from 'ipaddr.js';

export function ipKey(address: string): Buffer {
  const parsed = ipaddr.parse(address);
  const v6 = parsed.kind() === 'ipv4' ? (parsed as ipaddr.IPv4).toIPv4MappedAddress() : (parsed as ipaddr.IPv6);
  return Buffer.from(v6.toByteArray());
}

/** Inclusive [low, high] keys of an address or CIDR range; throws on anything else. */
export function ipKeyRange(addressOrCidr: string): { low: Buffer; high: Buffer } {
  if (!addressOrCidr.includes('/')) {
    const key = ipKey(addressOrCidr);
    return { low: key, high: key };
  }
  const [addr, bits] = ipaddr.parseCIDR(addressOrCidr);
  const prefix = addr.kind() === 'ipv4' ? bits + 96 : bits;
  const low = ipKey(addr.toString());
  const high = Buffer.from(low);
  for (let bit = prefix; bit < 128; bit++) {
    const byte = bit >> 3;
    low[byte] = (low[byte] ?? 0) & ~(0x80 >> (bit & 7));
    high[byte] = (high[byte] ?? 0) | (0x80 >> (bit & 7));
  }
  return { low, high };
}

export function isIpOrCidr(value: string): boolean {
  try {
    if (value.includes('/')) ipaddr.parseCIDR(value);
    else ipaddr.parse(value);
    return true;
  } catch {
    return false;
  }
}
