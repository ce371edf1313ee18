// IP addresses as 16-byte keys (IPv4 mapped into IPv6), so that an exact address or a CIDR
// range, IPv4 or IPv6, is one index range in sms_log. ipaddr.js does the parsing.
import ipaddr from 'ipaddr.js';

/** ::ffff:0:0/96, the prefix of IPv4 addresses mapped into IPv6. */
const IPV4_MAPPED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** The 16-byte key of an address; throws on anything that is not one. */
export function ipKey(address: string): Buffer {
  // One parse per address (this runs for every logged SMS): IPv4 straight into the mapped bytes
  // instead of ipaddr's string round trip through toIPv4MappedAddress().
  if (!address.includes(':')) return Buffer.from([...IPV4_MAPPED, ...ipaddr.IPv4.parse(address).octets]);
  return Buffer.from(ipaddr.IPv6.parse(address).toByteArray());
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
