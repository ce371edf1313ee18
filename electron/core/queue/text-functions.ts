// SQLite's lower() and LIKE fold ASCII only: "Ö" would not match "ö". The queue's search and its
// owner column sort use these instead, registered once per connection.
import type Database from 'better-sqlite3';

const registered = new WeakSet<Database.Database>();

/** Lower case as German readers expect it (no locale in German differs from the default rules). */
export const deskLower = (text: string): string => text.toLowerCase();

/**
 * A sort key close to German dictionary order (DIN 5007-1, as Intl.Collator 'de' with base
 * sensitivity): case and accents ignored, so "Özdemir" sorts with the O, "ß" as "ss".
 */
export const deskFold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');

export function ensureTextFunctions(client: Database.Database): void {
  if (registered.has(client)) return;
  const options = { deterministic: true, varargs: false };
  client.function('desk_lower', options, (text: unknown) => (typeof text === 'string' ? deskLower(text) : null));
  client.function('desk_fold', options, (text: unknown) => (typeof text === 'string' ? deskFold(text) : null));
  registered.add(client);
}
