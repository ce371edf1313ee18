// Loopback hosts: the backend may listen there over plain HTTP (nothing leaves the machine).
import ipaddr from 'ipaddr.js';

export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'loopback';
}
