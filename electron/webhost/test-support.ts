// For tests of the web host over real HTTP from Node: do what the page does with the printed
// address (exchange its launch code) and get the headers its calls then carry.
import { CODE_FRAGMENT, CODE_HEADER, REQUEST_HEADER, SESSION_PATH } from './protocol';
import type { RunningWebHost } from './server';

export function launchCodeOf(host: RunningWebHost): string {
  return new URLSearchParams(new URL(host.url).hash.slice(1)).get(CODE_FRAGMENT) ?? '';
}

export async function pageSession(host: RunningWebHost): Promise<Record<string, string>> {
  const response = await fetch(`${host.origin}${SESSION_PATH}`, { method: 'POST', headers: { [CODE_HEADER]: launchCodeOf(host), [REQUEST_HEADER]: '1' } });
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 200 || !cookie) throw new Error(`launch code refused: HTTP ${response.status}`);
  return { cookie: cookie.split(';')[0]!, [REQUEST_HEADER]: '1' };
}
