// Loopback hosts: the backend may listen there over plain HTTP (nothing leaves the machine).
import { parseIpAddress } from '../../shared/ip-range';

const IPV6_LOOPBACK = '::1';

export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const parsed = parseIpAddress(host.replace(/^\[|\]$/g, ''));
  if (!parsed) return false;
  return parsed.canonical === IPV6_LOOPBACK || /^127\./.test(parsed.canonical);
}
