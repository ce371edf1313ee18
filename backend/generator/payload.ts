// The personal data of a generated request, written from its seed; the loader stores it in the
// database as the website would have sent it.
import { type CallbackPayload, type ClaimedRequest, type MessagePayload } from '../../shared/sync-api';
import { clock, type RequestRow } from './scratch/request-table';
import { berlinDay, dayToIsoDate, instant } from '../time';
import { emailFor } from './emails';
import { callbackNote, writeMessage } from './message-text';
import { fullName, person } from './person';
import { callbackPhone } from './phones';
import { Prng } from './prng';

export function callbackPayload(row: RequestRow): CallbackPayload {
  const rng = new Prng(row.seed);
  const author = person(rng);
  return {
    salutation: author.salutation,
    name: fullName(author),
    phone: callbackPhone(rng),
    preferredDate: dayToIsoDate(row.preferredDay),
    preferredWindow: { from: clock(row.windowFrom), to: clock(row.windowFrom + 2) },
    topic: row.topic,
    note: callbackNote(rng, author),
  };
}

export function messagePayload(row: RequestRow & { kind: 'contact' | 'dpo' | 'equality' }): MessagePayload {
  const rng = new Prng(row.seed);
  const author = person(rng);
  const email = emailFor(rng, author.firstName, author.lastName);
  const { subject, message } = writeMessage(rng, row.kind, row.topic, author, berlinDay(row.receivedAt));
  return { salutation: author.salutation, name: fullName(author), email, category: row.topic, subject, message };
}

/** The claim answer's `request`: the queue entry plus its personal data. */
export function claimedRequest(id: string, row: RequestRow): ClaimedRequest {
  const receivedAt = instant(row.receivedAt);
  if (row.kind === 'callback') return { id, kind: 'callback', receivedAt, payload: callbackPayload(row) };
  const kind = row.kind;
  return { id, kind, receivedAt, payload: messagePayload({ ...row, kind }) };
}
