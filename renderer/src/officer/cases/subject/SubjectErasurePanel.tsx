// "Löschung ausführen" for a held case marked as an erasure request (issue 17): what would go and
// what stays (with reason and last day), an explicit confirmation, then the receipts of every
// workstation that held a copy and, once all are in, the Löschbestätigung. Buttons and the
// confirmation take the keyboard focus where the officer needs it next.
import { useEffect, useRef, useState } from 'react';
import { ERASURE_SOURCE_LABELS, KEPT_REASON_LABELS, type ErasureItem, type KeptItem, type SubjectErasure } from '../../../../../shared/subject-erasure';
import { formatDateTime, formatLocalDate } from '../../../format/datetime';
import { ErrorBanner, Loading } from '../../../ui/StateMessage';
import { useSubjectErasure } from './use-subject-erasure';

const SOURCE_SHORT: Record<ErasureItem['source'], string> = { request: 'Anfrage', sms: 'SMS-Protokoll', portal: 'Portal-Protokoll' };
const STATUS_LABELS: Record<SubjectErasure['workstations'][number]['status'], string> = { received: 'Löschung belegt', retired: 'stillgelegt (kein Löschbeleg)', awaiting: 'Löschbeleg fehlt noch' };

function KeptList({ items }: { items: KeptItem[] }) {
  if (items.length === 0) return <p className="muted">Nichts – alle aufgenommenen Treffer werden gelöscht.</p>;
  return (
    <ul data-testid="erasure-kept">
      {items.map((k) => (
        <li key={`${k.source}:${k.id}`}>
          {SOURCE_SHORT[k.source]} vom {formatDateTime(k.at)}: {KEPT_REASON_LABELS[k.reason]}
          {k.until ? `, bis ${formatLocalDate(k.until)}` : ''}
        </li>
      ))}
    </ul>
  );
}

function Plan({ erase, keep, busy, onErase }: { erase: ErasureItem[]; keep: KeptItem[]; busy: boolean; onErase: () => Promise<boolean> }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const counts = (['request', 'sms', 'portal'] as const).map((s) => [s, erase.filter((i) => i.source === s).length] as const).filter(([, n]) => n > 0);
  return (
    <>
      <p>Wird gelöscht (beim Backend und auf jedem Arbeitsplatz mit einer Kopie):</p>
      {erase.length === 0 ? (
        <p className="muted">Nichts. Bitte zuerst in der Suche die Treffer aufnehmen, die gelöscht werden sollen.</p>
      ) : (
        <ul data-testid="erasure-plan">
          {erase.map((i) => (
            <li key={`${i.source}:${i.id}`}>
              {SOURCE_SHORT[i.source]} vom {formatDateTime(i.at)}
            </li>
          ))}
        </ul>
      )}
      <p>Bleibt erhalten:</p>
      <KeptList items={keep} />
      {!confirming && (
        <div className="form-actions">
          <button ref={openRef} type="button" className="button-primary" disabled={busy || erase.length === 0} onClick={() => setConfirming(true)}>
            Löschung ausführen
          </button>
        </div>
      )}
      {confirming && (
        <div
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="erasure-confirm-title"
          aria-describedby="erasure-confirm-text"
          className="confirm"
          data-testid="erasure-confirm"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            setConfirming(false);
            setTimeout(() => openRef.current?.focus(), 0);
          }}
        >
          <p id="erasure-confirm-title">
            <strong>Endgültig löschen?</strong>
          </p>
          <p id="erasure-confirm-text">
            Gelöscht werden {counts.map(([s, n]) => `${n} × ${ERASURE_SOURCE_LABELS[s]}`).join(', ')}. Das lässt sich nicht rückgängig machen. {keep.length > 0 ? `${keep.length} Treffer bleiben mit ihrem Grund erhalten.` : ''}
          </p>
          <div className="form-actions">
            <button
              ref={confirmRef}
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() =>
                void onErase().then((ok) => {
                  if (!ok) setConfirming(false);
                })
              }
            >
              Endgültig löschen
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setConfirming(false);
                setTimeout(() => openRef.current?.focus(), 0);
              }}
            >
              Abbrechen
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function Progress({ erasure, busy, onReload, onConfirm }: { erasure: SubjectErasure; busy: boolean; onReload: () => Promise<void>; onConfirm: () => Promise<void> }) {
  const headingRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const counts = (['request', 'sms', 'portal'] as const).filter((s) => erasure.counts[s] > 0);
  return (
    <>
      <p ref={headingRef} tabIndex={-1} data-testid="erasure-done">
        Gelöscht am {formatDateTime(erasure.at)} von {erasure.by.displayName}: {counts.length === 0 ? 'nichts' : counts.map((s) => `${erasure.counts[s]} × ${ERASURE_SOURCE_LABELS[s]}`).join(', ')}.
      </p>
      <p>Bleibt erhalten:</p>
      <KeptList items={erasure.kept} />
      <p role="status" data-testid="erasure-receipts">
        {erasure.awaiting > 0
          ? `Warten auf Löschbelege von ${erasure.awaiting === 1 ? 'einem Arbeitsplatz' : `${erasure.awaiting} Arbeitsplätzen`}. Der Fall kann erst danach abgeschlossen werden.`
          : erasure.workstations.length === 0
            ? 'Kein Arbeitsplatz hatte eine Kopie.'
            : 'Alle Arbeitsplätze mit einer Kopie haben die Löschung belegt oder sind stillgelegt.'}
      </p>
      {erasure.workstations.length > 0 && (
        <ul aria-label="Löschbelege je Arbeitsplatz" data-testid="erasure-workstations">
          {erasure.workstations.map((w) => (
            <li key={w.workstation}>
              Arbeitsplatz {w.workstation.slice(0, 8)}: {STATUS_LABELS[w.status]}
              {w.at ? ` (${formatDateTime(w.at)})` : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void onReload()}>
          Belege aktualisieren
        </button>
        <button type="button" className="button-primary" disabled={busy || erasure.awaiting > 0} onClick={() => void onConfirm()}>
          Löschbestätigung erstellen
        </button>
      </div>
    </>
  );
}

export function SubjectErasurePanel({ requestId, planKey }: { requestId: string; planKey: string }) {
  const { view, error, busy, confirmation, reload, erase, confirm } = useSubjectErasure(requestId, planKey);
  return (
    <section aria-labelledby="subject-erasure-heading" data-testid="subject-erasure">
      <h4 id="subject-erasure-heading">Löschung (Art. 17 DSGVO)</h4>
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {view === undefined && !error && <Loading>Löschung wird geladen …</Loading>}
      {view?.plan && <Plan erase={view.plan.erase} keep={view.plan.keep} busy={busy} onErase={erase} />}
      {view?.erasure && <Progress erasure={view.erasure} busy={busy} onReload={reload} onConfirm={confirm} />}
      {confirmation && (
        <div role="status" data-testid="erasure-confirmation">
          <p>Löschbestätigung und Löschnachweis liegen im Ordner {confirmation.dir}:</p>
          <ul>
            {confirmation.files.map((f) => (
              <li key={f.name}>
                {f.name} (SHA-256 {f.sha256.slice(0, 16)} …)
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
