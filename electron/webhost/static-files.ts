// Serves built files, never anything outside the folder they were asked from.
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function serveStatic(res: http.ServerResponse, file: string, root?: string): Promise<void> {
  const resolved = path.resolve(file);
  if (root && !resolved.startsWith(path.resolve(root) + path.sep)) return notFound(res);
  try {
    const content = await readFile(resolved);
    res.writeHead(200, { 'content-type': TYPES[path.extname(resolved)] ?? 'application/octet-stream' });
    res.end(content);
  } catch {
    notFound(res);
  }
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Nicht gefunden.');
}
