// Lookups must never answer from a half-synced copy: "0 SMS gefunden" right after login would be
// wrong, and it would be logged as a lookup. Until the first complete sync since login is in,
// such calls are refused with a German message the UI shows as "wird synchronisiert".
import type { DeskDb } from '../db/open';
import { readState, STATE_KEYS } from '../db/state';
import { DeskError } from '../desk-error';

export function isCaughtUp(db: DeskDb): boolean {
  return readState(db, STATE_KEYS.caughtUpAt) !== null;
}

export function requireCaughtUp(db: DeskDb): void {
  if (!isCaughtUp(db)) {
    throw new DeskError('not_ready', 'Die Daten werden nach der Anmeldung noch synchronisiert. Bitte einen Moment warten und erneut versuchen.');
  }
}
