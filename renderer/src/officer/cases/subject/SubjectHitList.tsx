// The Find's hits, each included in or excluded from the answer with a reason (kept at the backend
// with the case). Only the person's own records come back; other people's data never does.
import { useState } from 'react';
import type { HitDecision, SubjectHit } from '../../../../../shared/subject-requests';
import { HIT_REASON_MIN } from '../../../../../shared/subject-labels';
import { formatDateTime, formatLocalDate } from '../../../format/datetime';
import { KIND_LABELS, RETENTION_REASON_LABELS } from '../../../format/labels';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';
import { Field } from '../../../ui/Field';
import type { HitActions } from './SubjectRightsSection';

const SOURCE_LABELS: Record<SubjectHit['source'], string> = { request: 'Anfrage', sms: 'SMS-Protokoll', portal: 'Portal-Protokoll', disclosure: 'Offenlegungsregister' };
const DISCLOSURE_STATUS: Record<string, string> = { requested: 'beantragt', approved: 'freigegeben', rejected: 'abgelehnt' };
const MATCH_LABELS: Record<string, string> = { name: 'Name', email: 'E-Mail', phone: 'Telefon', customerNumber: 'Kundennummer' };
const PORTAL_ACTIONS: Record<string, string> = { login: 'Anmeldung', login_failed: 'Anmeldung fehlgeschlagen', logout: 'Abmeldung', password_changed: 'Passwort geändert', access_deleted: 'Zugang gelöscht' };

function describe(hit: SubjectHit): string {
  switch (hit.source) {
    case 'request': {
      const kept = hit.retentionReason && hit.retainedUntil ? `, aufbewahrt (${RETENTION_REASON_LABELS[hit.retentionReason]}) bis ${formatLocalDate(hit.retainedUntil)}` : '';
      const contact = [hit.name, hit.email, hit.phone].filter(Boolean).join(' · ');
      return `${KIND_LABELS[hit.kind]} ${hit.reference} vom ${formatDateTime(hit.receivedAt)}${kept}: ${contact}${hit.subject ? ` – „${hit.subject}“` : ''}`;
    }
    case 'sms':
      return `SMS von Kundennummer ${hit.customerNumber} am ${formatDateTime(hit.sentAt)} über ${hit.ip}`;
    case 'portal':
      return `${PORTAL_ACTIONS[hit.action] ?? hit.action} mit Kundennummer ${hit.customerNumber} am ${formatDateTime(hit.at)} von ${hit.ip}`;
    case 'disclosure':
      return `Offenlegung an ${hit.authority} (Vorgang ${hit.caseRef}) vom ${formatDateTime(hit.requestedAt)}, ${DISCLOSURE_STATUS[hit.status] ?? hit.status}: ${hit.records === 1 ? '1 eigener Datensatz' : `${hit.records} eigene Datensätze`}`;
  }
}

export function SubjectHitList({ requestId, hits, decisions, onDecided, actions }: { requestId: string; hits: SubjectHit[]; decisions: HitDecision[]; onDecided: () => Promise<void>; actions?: HitActions }) {
  const decided = new Map(decisions.map((d) => [d.hitId, d]));
  return (
    <ul className="subject-hits" aria-label={`${hits.length} Treffer`} data-testid="subject-hits">
      {hits.map((hit) => (
        <HitItem key={hit.id} requestId={requestId} hit={hit} decision={decided.get(hit.id) ?? null} onDecided={onDecided} actions={actions} />
      ))}
    </ul>
  );
}

function HitItem({ requestId, hit, decision, onDecided, actions }: { requestId: string; hit: SubjectHit; decision: HitDecision | null; onDecided: () => Promise<void>; actions?: HitActions }) {
  const { service } = useDesk();
  const [reason, setReason] = useState(decision?.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `hit-${hit.id.replace(/[^a-z0-9]/gi, '-')}`;
  const decide = async (choice: 'include' | 'exclude') => {
    if (reason.trim().length < HIT_REASON_MIN) return setProblem(`Bitte eine Begründung angeben (mindestens ${HIT_REASON_MIN} Zeichen).`);
    setProblem(null);
    setBusy(true);
    try {
      await service.subject.decide(requestId, hit.id, choice, reason.trim());
      await onDecided();
    } catch (e) {
      setProblem(toDeskFailure(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`subject-hit ${decision ? `subject-hit-${decision.decision}` : ''}`} data-testid="subject-hit">
      <p>
        <strong>{SOURCE_LABELS[hit.source]}</strong> <span className="muted">(gefunden über {hit.matchedBy.map((m) => MATCH_LABELS[m]).join(', ')})</span>
      </p>
      <p className="text-block">{describe(hit)}</p>
      {decision && (
        <p data-testid="subject-hit-decision">
          {decision.decision === 'include' ? 'Aufgenommen' : 'Ausgeschlossen'}: {decision.reason} ({decision.by.displayName}, {formatDateTime(decision.at)})
        </p>
      )}
      <Field id={`${id}-reason`} label="Begründung" error={problem}>
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void decide('include')}>
          Aufnehmen
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void decide('exclude')}>
          Ausschließen
        </button>
      </div>
      {actions?.(hit, decision)}
    </li>
  );
}
