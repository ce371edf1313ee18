// The client's address: the peer of the connection, or, when that peer is the trusted reverse
// proxy (`--trust-proxy`), the last address the proxy added to X-Forwarded-For. Without a
// trusted proxy the header is ignored: anyone can write it.
import { type IncomingMessage } from 'node:http';
import { parseIpAddress } from '../../shared/ip-range';

/** 127.0.0.1 and ::ffff:127.0.0.1 are one address (the shared strict reading of addresses). */
export function canonicalAddress(address: string): string {
  return parseIpAddress(address)?.canonical ?? address;
}

export function clientAddress(req: IncomingMessage, trustedProxy: string | null): string {
  const peer = canonicalAddress(req.socket.remoteAddress ?? '');
  if (trustedProxy === null || peer !== trustedProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  const last = list[list.length - 1];
  return last && parseIpAddress(last) ? canonicalAddress(last) : peer;
}
