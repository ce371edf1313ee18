// Calls whose answer the user waits for: asking for and deciding holds and disclosures (issue 16).
// They do not go through the outbox: a request or a decision exists only once the backend has
// it, and the other person decides on another workstation, so an offline desk says so at once.
// The call and the applying of its answer run on the desk's serial line, so a feed page pulled
// later can only bring newer states of the same entry.
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { apiErrorCode, type BackendAnswer } from './backend-client';
import { INTERACTIVE_RETRY } from './retry-policy';
import { SessionExpiredError, UnexpectedAnswerError } from './sync-errors';

export async function callForDecision<T>(ctx: DeskContext, caller: Caller, path: string, body: unknown, onAnswer: (answer: BackendAnswer) => T): Promise<T> {
  try {
    return await ctx.serial(async () => {
      const answer = await ctx.clientFor(caller).call('POST', path, body, INTERACTIVE_RETRY);
      if (answer.status === 401) throw new SessionExpiredError();
      return onAnswer(answer);
    });
  } catch (error) {
    throw ctx.translate(error);
  } finally {
    ctx.emit('sync');
  }
}

/** What the backend's four-eyes endpoints refuse, in German; anything else is unexpected. */
export function refusal(what: string, answer: BackendAnswer, messages: { forbidden: string; conflict: string; notFound: string }): Error {
  if (answer.status === 403) return new DeskError('forbidden', messages.forbidden);
  if (answer.status === 409) return new DeskError('conflict', messages.conflict);
  if (answer.status === 404) return new DeskError('not_found', messages.notFound);
  if (answer.status === 400) return new DeskError('invalid_input', `${what}: Das Backend hat die Angaben nicht angenommen.`);
  return new UnexpectedAnswerError(what, answer.status, apiErrorCode(answer.body));
}
