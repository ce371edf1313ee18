// Supervisors adjust the call-attempt rules here, within the bounds the core enforces
// (1–5 attempts, 10–240 minutes apart). They are set at the backend for every workstation
// (issue 16), so the panel says who changed them and when. Agents see the rules in each callback's detail.
import { useEffect, useState } from 'react';
import type { RetryRules } from '../../../shared/views';
import { formatDateTime } from '../format/datetime';
import { toDeskFailure } from '../services/desk-error';
import { useDesk, useSession } from '../store/StoresContext';

export function RetryRulesPanel() {
  const { service, stores } = useDesk();
  const roles = useSession((s) => s.session?.user.roles);
  const [rules, setRules] = useState<RetryRules | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isSupervisor = roles?.includes('supervisor') ?? false;

  useEffect(() => {
    if (!isSupervisor) return;
    service.retryRules().then(setRules, (e: unknown) => setError(toDeskFailure(e).message));
  }, [service, isSupervisor]);

  if (!isSupervisor) return null;

  const save = async () => {
    if (!rules) return;
    try {
      // Only the two values: who and when come from the backend's answer.
      setRules(await service.setRetryRules({ maxAttempts: rules.maxAttempts, minGapMinutes: rules.minGapMinutes }));
      setError(null);
      stores.notice.getState().announce('Anrufregeln gespeichert.', 'success');
    } catch (e) {
      setError(toDeskFailure(e).message);
    }
  };

  return (
    <details className="retry-rules" data-testid="retry-rules">
      <summary>Anrufregeln</summary>
      {!rules && !error && <p className="placeholder">Regeln werden geladen …</p>}
      {rules && (
        <p className="retry-rules-changed" data-testid="retry-rules-changed">
          Gilt für alle Arbeitsplätze.{' '}
          {rules.changedAt ? `Zuletzt geändert am ${formatDateTime(rules.changedAt)} von ${rules.changedBy ?? 'unbekannt'}.` : 'Vorgabe, bisher nicht geändert.'}
        </p>
      )}
      {rules && (
        <div className="retry-rules-form">
          <label htmlFor="rules-max">Höchstzahl Anrufversuche (1–5)</label>
          <input id="rules-max" type="number" min={1} max={5} value={rules.maxAttempts} onChange={(e) => setRules({ ...rules, maxAttempts: Number(e.target.value) })} />
          <label htmlFor="rules-gap">Mindestabstand in Minuten (10–240)</label>
          <input id="rules-gap" type="number" min={10} max={240} value={rules.minGapMinutes} onChange={(e) => setRules({ ...rules, minGapMinutes: Number(e.target.value) })} />
          <button type="button" className="button-primary" onClick={() => void save()}>
            Regeln speichern
          </button>
        </div>
      )}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
