// Part 5 of issue 17 in the case panel: what was corrected (fields only), restricted and objected
// to, with lifting and the objection form. The per-hit actions (Berichtigen, Einschränken) sit on
// the Find's included hits (hitActions).
import type { ReactNode } from 'react';
import type { SubjectRightsRecord } from '../../../../../shared/subject-rights';
import type { HitDecision, SubjectHit, SubjectRequestType } from '../../../../../shared/subject-requests';
import { formatDateTime } from '../../../format/datetime';
import { ErrorBanner } from '../../../ui/StateMessage';
import { ObjectionForm, ObjectionList } from './ObjectionForm';
import { RectifyForm } from './RectifyForm';
import { RestrictHitForm } from './RestrictHitForm';
import { RestrictionList } from './RestrictionList';
import type { SubjectRightsHandle } from './use-subject-rights';

const FIELD_LABELS: Record<string, string> = { name: 'Name', email: 'E-Mail', phone: 'Telefon', subject: 'Betreff', message: 'Nachricht' };

export type HitActions = (hit: SubjectHit, decision: HitDecision | null) => ReactNode;

/** What an included hit offers on a case of this type. */
export function rightsHitActions(type: SubjectRequestType, requestId: string, handle: SubjectRightsHandle): HitActions | undefined {
  if (type === 'rectification') {
    return (hit, decision) => (decision?.decision === 'include' && hit.source === 'request' ? <RectifyForm requestId={requestId} hit={hit} onDone={handle.reload} /> : null);
  }
  if (type === 'restriction') {
    return (hit, decision) => {
      if (decision?.decision !== 'include') return null;
      const recordId = hit.id.slice(hit.id.indexOf(':') + 1);
      const active = handle.rights?.restrictions.find((r) => r.active && r.source === hit.source && r.recordId === recordId) ?? null;
      return <RestrictHitForm requestId={requestId} hitId={hit.id} active={active} onDone={handle.reload} />;
    };
  }
  return undefined;
}

export function SubjectRightsSection({ type, requestId, handle, today }: { type: SubjectRequestType; requestId: string; handle: SubjectRightsHandle; today: string }) {
  const rights: SubjectRightsRecord | null = handle.rights;
  if (type !== 'rectification' && type !== 'restriction' && type !== 'objection') return null;
  return (
    <section aria-labelledby="subject-rights-heading" data-testid="subject-rights">
      <h4 id="subject-rights-heading">{type === 'rectification' ? 'Berichtigungen' : type === 'restriction' ? 'Einschränkungen' : 'Widerspruch'}</h4>
      {handle.error && <ErrorBanner>{handle.error}</ErrorBanner>}
      {type === 'rectification' && (
        <>
          <p className="hint">Aufgenommene Anfragen der Person lassen sich unter „Berichtigen“ korrigieren. Die alten Werte werden nirgends aufbewahrt.</p>
          <ul aria-label="Berichtigungen" data-testid="rectifications">
            {(rights?.rectifications ?? []).map((r) => (
              <li key={r.id}>
                Berichtigt: {r.fields.map((f) => FIELD_LABELS[f]).join(', ')} ({r.by.displayName}, {formatDateTime(r.at)})
              </li>
            ))}
          </ul>
        </>
      )}
      {type === 'restriction' && (
        <>
          <p className="hint">Eingeschränkte Daten werden nur gespeichert: keine Übernahme, keine Abfrage, keine Offenlegung, bis die Einschränkung aufgehoben ist. Die Löschfristen laufen weiter.</p>
          <RestrictionList requestId={requestId} restrictions={rights?.restrictions ?? []} onDone={handle.reload} />
        </>
      )}
      {type === 'objection' && (
        <>
          <ObjectionList objections={rights?.objections ?? []} />
          {(rights?.restrictions.length ?? 0) > 0 && <RestrictionList requestId={requestId} restrictions={rights?.restrictions ?? []} onDone={handle.reload} />}
          <ObjectionForm requestId={requestId} today={today} onDone={handle.reload} />
        </>
      )}
    </section>
  );
}
