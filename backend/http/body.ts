// Reads a JSON request body with a size cap. A body over the cap is refused as soon as it is
// known to be too large (by its Content-Length, or while it streams in): the answer goes out
// at once and the connection is closed, without reading the rest.
import { type IncomingMessage } from 'node:http';
import { failure, type Reply } from './reply';

/** Receipts batches of 1000 fit comfortably; anything bigger is not a client of this contract. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  reply: { ...failure(413, 'too_large', `Body larger than ${limit} bytes.`), closeConnection: true },
});

export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge(limit));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Stop reading (the stream is paused, not destroyed, so the 413 can still be written).
      stop();
      req.pause();
      resolve(tooLarge(limit));
    };
    const onEnd = (): void => {
      stop();
      resolve(parseJson(Buffer.concat(chunks).toString('utf8')));
    };
    const onError = (): void => {
      stop();
      resolve({ ok: false, reply: { ...failure(400, 'invalid_request', 'The body could not be read.'), closeConnection: true } });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function parseJson(text: string): BodyResult {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reply: failure(400, 'invalid_request', 'Body is not valid JSON.') };
  }
}
