// Turns whatever window.api threw into something the UI can show and branch on. The host sends
// a DeskError (name 'DeskError', a code, a German message); anything else gets a generic text,
// because a raw error message may be English or carry details the user should not see.
import type { DeskErrorCode } from '../../../shared/contract';

export interface DeskFailure {
  code: DeskErrorCode;
  message: string;
}

const FALLBACK_MESSAGES: Record<DeskErrorCode, string> = {
  invalid_input: 'Die Eingabe ist ungültig. Bitte prüfen.',
  not_logged_in: 'Nicht angemeldet. Bitte anmelden.',
  session_expired: 'Die Sitzung ist abgelaufen. Bitte erneut anmelden.',
  forbidden: 'Für diese Aktion fehlt die Berechtigung.',
  not_found: 'Die Anfrage ist nicht mehr vorhanden.',
  conflict: 'Die Anfrage wurde inzwischen geändert. Bitte Ansicht aktualisieren.',
  invalid_credentials: 'Benutzername oder Passwort ist falsch.',
  backend_unreachable: 'Das Backend ist nicht erreichbar. Bitte Adresse und Verbindung prüfen.',
  not_ready: 'Die Daten werden noch synchronisiert. Bitte einen Moment warten.',
  internal: 'Interner Fehler. Bitte erneut versuchen; bleibt er, die IT verständigen.',
};

const CODES = new Set<string>(Object.keys(FALLBACK_MESSAGES));

function isDeskErrorCode(value: unknown): value is DeskErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

export function toDeskFailure(error: unknown): DeskFailure {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (isDeskErrorCode(code)) {
      const text = typeof message === 'string' && message.trim() !== '' ? message : FALLBACK_MESSAGES[code];
      return { code, message: text };
    }
  }
  return { code: 'internal', message: FALLBACK_MESSAGES.internal };
}

/** The session is gone: the UI must return to the login screen. */
export function isAuthFailure(failure: DeskFailure): boolean {
  return failure.code === 'not_logged_in' || failure.code === 'session_expired';
}
