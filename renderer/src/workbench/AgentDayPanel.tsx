// The agent's own day, as a contact-center desktop shows it: callbacks closed today, how many
// reached the person, attempts per callback. The core computes it from this workstation's records;
// refetched whenever the queue or a sync changes something.
import { useEffect, useState } from 'react';
import type { AgentDay } from '../../../shared/views';
import { plural } from '../format/plural';
import { toDeskFailure } from '../services/desk-error';
import { useDesk, useSession } from '../store/StoresContext';

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });

export function AgentDayPanel() {
  const { service } = useDesk();
  const isAgent = useSession((s) => s.session?.user.roles.includes('agent') ?? false);
  const [day, setDay] = useState<AgentDay | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!isAgent) return;
    let live = true;
    const load = () =>
      service.agentDay().then(
        (next) => live && (setDay(next), setError(null)),
        (e: unknown) => live && setError(toDeskFailure(e).message),
      );
    void load();
    const unsubscribe = service.subscribe((event) => {
      if (event.scope === 'queue' || event.scope === 'sync') void load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [service, isAgent]);

  if (!isAgent) return null;
  return (
    <section className="agent-day" aria-labelledby="agent-day-heading" data-testid="agent-day">
      <h3 id="agent-day-heading">Mein Tag</h3>
      {error && <p className="field-error">{error}</p>}
      {!day && !error && <p className="placeholder">Wird geladen …</p>}
      {day && (
        <dl className="facts">
          <dt>Rückrufe abgeschlossen</dt>
          <dd data-testid="agent-day-closed">{day.closed}</dd>
          <dt>Erreicht</dt>
          <dd data-testid="agent-day-reach">{day.reachRate === null ? '–' : `${percent.format(day.reachRate)} (${day.reached} von ${day.closed})`}</dd>
          <dt>Versuche je Rückruf</dt>
          <dd data-testid="agent-day-attempts">{day.attemptsPerCallback === null ? '–' : decimal.format(day.attemptsPerCallback)}</dd>
          <dt>Anrufversuche heute</dt>
          <dd data-testid="agent-day-attempts-today">{plural(day.attemptsToday, 'Versuch', 'Versuche')}</dd>
        </dl>
      )}
    </section>
  );
}
