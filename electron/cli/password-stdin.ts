// `login --password-stdin`: the password comes through standard input (a pipe, a file, a password
// manager), so it never stands in /proc/<pid>/cmdline where every local user can read it.
import type { Readable } from 'node:stream';

/** All of `input` as UTF-8, without one trailing line break (what `echo` or a file adds). */
export async function readPasswordFromStdin(input: Readable = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
