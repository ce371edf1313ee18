// Reads a JSON request body with a size cap; what it contains is checked by the handler's schema.
import { type IncomingMessage } from 'node:http';
import { failure, type Reply } from './reply';

/** Receipts batches of 1000 fit comfortably; anything bigger is not a client of this contract. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large: leaving the loop early would destroy the socket
  // before the 413 answer could be sent.
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buf);
  }
  if (size > MAX_BODY_BYTES) return { ok: false, reply: failure(413, 'invalid_request', `Body larger than ${MAX_BODY_BYTES} bytes.`) };
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reply: failure(400, 'invalid_request', 'Body is not valid JSON.') };
  }
}
