// The data subject's request of a dpo case in the officer's CasePanel (issue 17): what every dpo
// PC knows (type, deadline, extension, identity check) and, for the officer holding the case, the
// marking, the extension, the identity check and the Find with its hits.
import type { OfficerCaseRow } from '../../../../../shared/officer-views';
import { berlinToday } from '../../../queue/retention-limits';
import { ErrorBanner, Loading } from '../../../ui/StateMessage';
import { IdentityEditor } from './IdentityEditor';
import { SubjectExtensionForm, SubjectInformedForm } from './SubjectExtensionForm';
import { SubjectFacts } from './SubjectFacts';
import { SubjectErasurePanel } from './SubjectErasurePanel';
import { SubjectFind } from './SubjectFind';
import { SubjectMarkForm } from './SubjectMarkForm';
import { SubjectReportPanel } from './SubjectReportPanel';
import { rightsHitActions, SubjectRightsSection } from './SubjectRightsSection';
import { useSubjectRequest } from './use-subject-request';
import { RIGHTS_TYPES, useSubjectRights } from './use-subject-rights';

export function SubjectRequestSection({ row, held }: { row: OfficerCaseRow | null; held: boolean }) {
  const id = row?.id ?? '';
  const { record, error, busy, change, reload } = useSubjectRequest(id, held && row !== null);
  const rights = useSubjectRights(id, held && !!record && (RIGHTS_TYPES as readonly string[]).includes(record.type));
  if (!row || row.kind !== 'dpo') return null;
  const marking = record ?? row.subjectRequest ?? null;
  return (
    <section aria-labelledby="subject-heading" data-testid="subject-request">
      <h3 id="subject-heading">Betroffenenantrag (Art. 15–21 DSGVO)</h3>
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {held && record === undefined && <Loading>Betroffenenantrag wird geladen …</Loading>}
      {marking ? <SubjectFacts marking={marking} state={row.deadlineState ?? null} /> : !held && <p className="muted">Nicht als Betroffenenantrag gekennzeichnet.</p>}
      {held && record === null && <SubjectMarkForm busy={busy} onSubmit={change} />}
      {held && record && (
        <>
          <IdentityEditor record={record} busy={busy} onSubmit={change} />
          {!record.extendedUntil && row.deadlineState !== 'overdue' && (
            <details>
              <summary>Frist verlängern (einmalig, um bis zu 2 Monate)</summary>
              <SubjectExtensionForm busy={busy} onSubmit={change} />
            </details>
          )}
          {record.extendedUntil && (
            <p className="text-block" data-testid="subject-extension-reason">
              Gründe der Verlängerung: {record.extensionReason ?? '–'}
            </p>
          )}
          {record.extendedUntil && !record.personInformedOn && <SubjectInformedForm busy={busy} onSubmit={change} today={berlinToday(new Date())} />}
          <SubjectFind requestId={row.id} decisions={record.decisions} onDecided={reload} hitActions={rightsHitActions(record.type, row.id, rights)} />
          {record.type === 'erasure' && <SubjectErasurePanel requestId={row.id} planKey={record.decisions.map((d) => `${d.hitId}:${d.decision}`).join(',')} />}
          {(record.type === 'access' || record.type === 'portability') && <SubjectReportPanel requestId={row.id} decisions={record.decisions} />}
          <SubjectRightsSection type={record.type} requestId={row.id} handle={rights} today={berlinToday(new Date())} />
        </>
      )}
    </section>
  );
}
