// A full or read-only disk, said plainly. SQLite rolls the failed transaction back, so what was
// committed before stays intact; the user frees space or fixes permissions and tries again.
import { DeskError } from './desk-error';

/** `what` names the interrupted work in German, e.g. „Die Synchronisierung“. */
export function storageProblem(error: unknown, what = 'Die Aktion'): DeskError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_FULL')) {
    return new DeskError('internal', `Der Datenträger ist voll: ${what} wurde abgebrochen, gespeicherte Daten sind unverändert. Bitte Speicherplatz freigeben und erneut versuchen.`);
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_IOERR')) {
    return new DeskError(
      'internal',
      `Die Datenbank kann nicht geschrieben werden (schreibgeschützt oder Datenträgerfehler): ${what} wurde abgebrochen, gespeicherte Daten sind unverändert. Bitte Schreibrechte und Datenträger prüfen.`,
    );
  }
  return null;
}
