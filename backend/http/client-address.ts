// The client's address: the peer of the connection, or, when that peer is the trusted reverse
// proxy (`--trust-proxy`), the last address the proxy added to X-Forwarded-For. Without a
// trusted proxy the header is ignored: anyone can write it.
import { type IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';

/** 127.0.0.1 and ::ffff:127.0.0.1 are one address. */
export function canonicalAddress(address: string): string {
  try {
    const parsed = ipaddr.process(address);
    return parsed.toString();
  } catch {
    return address;
  }
}

export function clientAddress(req: IncomingMessage, trustedProxy: string | null): string {
  const peer = canonicalAddress(req.socket.remoteAddress ?? '');
  if (trustedProxy === null || peer !== trustedProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  const last = list[list.length - 1];
  return last && ipaddr.isValid(last) ? canonicalAddress(last) : peer;
}
