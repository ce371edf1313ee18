// Turns zod's issues for a rejected channel input into one German sentence for the UI. Zod's own
// messages come from its German locale unless the shared schema set a German message itself;
// issues never include the input value (reportInput is off), so no personal data is echoed.
import { z } from 'zod';

export const germanZodErrors = z.locales.de().localeError;

const MAX_ISSUES_SHOWN = 3;

export function describeInvalidInput(issues: readonly z.core.$ZodIssue[]): string {
  const details = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (und ${issues.length - MAX_ISSUES_SHOWN} weitere)` : '';
  return `Ungültige Eingabe – ${details.join('; ')}${more}`;
}
