// Fills a category's text template with plausible details (dates, amounts, Bochum streets).
import { type Topic } from '../../shared/domain';
import { dayToIsoDate } from '../time';
import { CONTACT_TEXTS, type TextTemplate } from './contact-texts';
import { DPO_TEXTS, EQUALITY_TEXTS } from './officer-texts';
import { fullName, type Person } from './person';
import { DISTRICTS, STREETS } from './places';
import { type Prng } from './prng';

export type MessageKind = 'contact' | 'dpo' | 'equality';

const TEXTS: Readonly<Record<MessageKind, Readonly<Partial<Record<Topic, readonly TextTemplate[]>>>>> = {
  contact: CONTACT_TEXTS,
  dpo: DPO_TEXTS,
  equality: EQUALITY_TEXTS,
};

/** German notation: 24.11.2026 */
function germanDate(day: number): string {
  const [y, m, d] = dayToIsoDate(day).split('-');
  return `${d}.${m}.${y}`;
}

/** German notation: 1.234,50 */
function euros(cents: number): string {
  const whole = Math.floor(cents / 100).toLocaleString('de-DE');
  return `${whole},${String(cents % 100).padStart(2, '0')}`;
}

function details(rng: Prng, author: Person, receivedDay: number): Record<string, string> {
  const year = Number(dayToIsoDate(receivedDay).slice(0, 4));
  return {
    jahr: String(year - 1),
    kwh: rng.between(1200, 6800).toLocaleString('de-DE'),
    kundennr: `40${rng.digits(8)}`,
    vertragsnr: `V${rng.digits(9)}`,
    rechnungsnr: `R-${year}-${rng.digits(6)}`,
    betrag: euros(rng.between(35, 240) * 100 + rng.pick([0, 0, 50, 99])),
    datum: germanDate(receivedDay + rng.between(-40, 30)),
    strasse: rng.pick(STREETS),
    strasse2: rng.pick(STREETS),
    nr: String(rng.between(1, 180)),
    nr2: `${rng.between(1, 120)}${rng.chance(0.15) ? rng.pick(['a', 'b']) : ''}`,
    stadtteil: rng.pick(DISTRICTS),
    uhrzeit: `${String(rng.between(5, 21)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`,
    zaehler: `${rng.between(10000, 99999)},${rng.int(10)}`,
    name: fullName(author),
  };
}

export function writeMessage(rng: Prng, kind: MessageKind, topic: Topic, author: Person, receivedDay: number): TextTemplate {
  const template = rng.pick(TEXTS[kind][topic] ?? TEXTS[kind].other ?? []);
  const values = details(rng, author, receivedDay);
  const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  return { subject: fill(template.subject), message: fill(template.message) };
}

const CALLBACK_NOTES = [
  'Bitte möglichst vormittags anrufen.',
  'Am besten auf dem Handy, Festnetz ist oft besetzt.',
  'Es geht um die letzte Abschlagsrechnung.',
  'Ich bin schwerhörig, bitte etwas lauter sprechen.',
  'Bitte nach "{last}" fragen, es ist ein Firmenanschluss.',
  'Rückruf bitte nicht vor 10 Uhr.',
  'Zählerstand liegt vor, Zählernummer habe ich zur Hand.',
  '<b>Dringend</b> – Zahlungserinnerung erhalten!',
  'Wir ziehen Ende des Monats um & brauchen einen Termin.',
] as const;

/** A third of callers leave a note. */
export function callbackNote(rng: Prng, author: Person): string | null {
  if (!rng.chance(0.35)) return null;
  return rng.pick(CALLBACK_NOTES).replace('{last}', author.lastName);
}
