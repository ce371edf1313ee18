// E-mail addresses derived from a person's name at the providers Germans actually use.
import { type Prng } from './prng';

const PROVIDERS = ['gmx.de', 'web.de', 't-online.de', 'gmail.com', 'outlook.de', 'freenet.de', 'posteo.de', 'yahoo.de', 'mail.de', 'icloud.com'] as const;
const PROVIDER_WEIGHTS = [20, 20, 15, 18, 8, 5, 3, 4, 4, 3] as const;

const SPECIAL: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ı: 'i', ł: 'l', ş: 's' };

/** Lower-case ASCII local part: umlauts spelled out, other accents dropped, spaces and dashes removed. */
export function mailbox(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äöüßıłş]/g, (c) => SPECIAL[c] ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

export function emailFor(rng: Prng, firstName: string, lastName: string): string {
  const first = mailbox(firstName);
  const last = mailbox(lastName);
  const provider = rng.weighted(PROVIDERS, PROVIDER_WEIGHTS);
  let local: string;
  switch (rng.int(5)) {
    case 0:
      local = `${first}.${last}`;
      break;
    case 1:
      local = `${first.charAt(0)}.${last}`;
      break;
    case 2:
      local = `${first}${last}${rng.between(60, 99)}`;
      break;
    case 3:
      local = `${first}_${last}`;
      break;
    default:
      local = `${last}.${first}${rng.between(1, 9)}`;
  }
  return `${local}@${provider}`;
}
