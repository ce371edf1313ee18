// Phone numbers as customers type them into the callback form: Bochum landlines (0234) and
// German mobile numbers, in national and international notation. Every shape here is valid
// for DE per libphonenumber-js (checked in generator.test.ts).
import { type Prng } from './prng';

/** Mobile prefixes with the subscriber length the numbering plan gives them. */
const MOBILE_PREFIXES: readonly { prefix: string; digits: number }[] = [
  { prefix: '151', digits: 8 },
  { prefix: '152', digits: 8 },
  { prefix: '157', digits: 8 },
  { prefix: '159', digits: 8 },
  { prefix: '160', digits: 7 },
  { prefix: '162', digits: 7 },
  { prefix: '163', digits: 7 },
  { prefix: '170', digits: 7 },
  { prefix: '171', digits: 7 },
  { prefix: '172', digits: 7 },
  { prefix: '173', digits: 7 },
  { prefix: '174', digits: 7 },
  { prefix: '175', digits: 7 },
  { prefix: '176', digits: 8 },
  { prefix: '177', digits: 7 },
  { prefix: '178', digits: 7 },
  { prefix: '179', digits: 7 },
];

/** Subscriber numbers never start with 0 or 1 (those would be prefixes or special numbers). */
function subscriber(rng: Prng, digits: number): string {
  return String(rng.between(2, 9)) + rng.digits(digits - 1);
}

export function bochumLandline(rng: Prng): string {
  const number = subscriber(rng, rng.between(5, 8));
  switch (rng.int(3)) {
    case 0:
      return `+49 234 ${number}`;
    case 1:
      return `0234 ${number}`;
    default:
      return `0234/${number}`;
  }
}

export function germanMobile(rng: Prng): string {
  const { prefix, digits } = rng.pick(MOBILE_PREFIXES);
  const number = subscriber(rng, digits);
  switch (rng.int(3)) {
    case 0:
      return `+49 ${prefix} ${number}`;
    case 1:
      return `0${prefix} ${number}`;
    default:
      return `0${prefix}-${number}`;
  }
}

/** Roughly half of the callers leave a landline; the rest a mobile number. */
export function callbackPhone(rng: Prng): string {
  return rng.chance(0.45) ? bochumLandline(rng) : germanMobile(rng);
}
