// A closed, retained case read again from the backend (issue 16): only by a role of its kind, only
// with a stated reason (the backend records it), shown read-only. The answer lives in this
// component's state for display only: closing the view forgets it; nothing is stored.
import { useState } from 'react';
import type { RetainedViewResponse } from '../../../shared/retained';
import { formatDateTime, formatLocalDate } from '../format/datetime';
import { OUTCOME_LABELS, RETENTION_REASON_LABELS } from '../format/labels';
import { toDeskFailure } from '../services/desk-error';
import { useDesk } from '../store/StoresContext';
import { Field } from '../ui/Field';

const REASON_MIN = 5;
const REASON_MAX = 500;

export function RetainedCaseViewer({ requestId }: { requestId: string }) {
  const { service } = useDesk();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<RetainedViewResponse | null>(null);

  const submit = async () => {
    const text = reason.trim();
    if (text.length < REASON_MIN) return setProblem(`Bitte den Grund nennen (mindestens ${REASON_MIN} Zeichen).`);
    if (text.length > REASON_MAX) return setProblem(`Höchstens ${REASON_MAX} Zeichen (jetzt ${text.length}).`);
    setBusy(true);
    try {
      setShown(await service.retained.view(requestId, text));
      setAsking(false);
      setReason('');
    } catch (e) {
      setProblem(toDeskFailure(e).message);
    } finally {
      setBusy(false);
    }
  };

  if (shown) return <RetainedCase view={shown} onClose={() => setShown(null)} />;
  if (!asking) {
    return (
      <button type="button" className="button-secondary" data-testid="retained-view-open" onClick={() => setAsking(true)}>
        Aufbewahrten Fall einsehen
      </button>
    );
  }
  return (
    <form
      className="retained-view-form"
      aria-labelledby="retained-view-heading"
      data-testid="retained-view-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <h4 id="retained-view-heading">Aufbewahrten Fall einsehen</h4>
      <p>Die Daten liegen beim Backend. Jede Einsicht wird dort mit Ihrem Namen, dem Arbeitsplatz und dem Grund protokolliert.</p>
      <Field id="retained-view-reason" label="Grund der Einsicht (z. B. Rückfrage der Kundin vom …)" error={problem}>
        <textarea value={reason} rows={2} maxLength={REASON_MAX + 50} autoFocus onChange={(e) => (setReason(e.target.value), setProblem(null))} />
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          Einsehen
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => setAsking(false)}>
          Abbrechen
        </button>
      </div>
    </form>
  );
}

function RetainedCase({ view, onClose }: { view: RetainedViewResponse; onClose: () => void }) {
  const payload = view.request.payload as Record<string, unknown>;
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
  const name = [payload.salutation === 'divers' ? null : text('salutation'), text('name')].filter(Boolean).join(' ');
  return (
    <section aria-labelledby="retained-case-heading" className="retained-case" data-testid="retained-case">
      <h3 id="retained-case-heading">
        Aufbewahrter Fall <span className="badge" data-testid="retained-read-only">nur lesen</span>
      </h3>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{name}</dd>
        {text('email') && (
          <>
            <dt>E-Mail</dt>
            <dd>{text('email')}</dd>
          </>
        )}
        {text('phone') && (
          <>
            <dt>Telefon</dt>
            <dd>{text('phone')}</dd>
          </>
        )}
        {text('subject') && (
          <>
            <dt>Betreff</dt>
            <dd>{text('subject')}</dd>
          </>
        )}
        {text('message') && (
          <>
            <dt>Nachricht</dt>
            <dd className="text-block">{text('message')}</dd>
          </>
        )}
        <dt>Abschluss</dt>
        <dd>
          {formatDateTime(view.closedAt)}
          {view.outcome ? `, ${OUTCOME_LABELS[view.outcome]}` : ''}
        </dd>
        <dt>Aufbewahrt</dt>
        <dd>
          {RETENTION_REASON_LABELS[view.retention.reason]}, bis {formatLocalDate(view.retention.until)}
          {view.retention.requestedUntil ? ` (beantragt bis ${formatLocalDate(view.retention.requestedUntil)}, Bestätigung der Leitung steht aus)` : ''}
        </dd>
        <dt>Begründung</dt>
        <dd className="text-block">{view.retention.note ?? '–'}</dd>
      </dl>
      <button type="button" className="button-secondary" onClick={onClose}>
        Schließen
      </button>
    </section>
  );
}
