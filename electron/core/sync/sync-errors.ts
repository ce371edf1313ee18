// Failures of a sync run that the user must act on, with German messages.
export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';
  constructor() {
    super('Die Anmeldung ist abgelaufen. Bitte erneut anmelden; nicht übertragene Aktionen bleiben erhalten.');
  }
}

export class UnexpectedAnswerError extends Error {
  override readonly name = 'UnexpectedAnswerError';
  constructor(what: string, status: number, code: string | null) {
    super(`${what}: unerwartete Antwort des Backends (HTTP ${status}${code ? `, ${code}` : ''}).`);
  }
}
