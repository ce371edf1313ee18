// One disclosure: its records, the supervisor's decision (never by the requesting officer: the
// backend refuses that too), and once approved the export with its SHA-256 manifest, written by
// the requesting officer on her workstation; the folder's end is shown (issue 16).
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { formatDateTime } from '../../format/datetime';
import { useDesk, useSession } from '../../store/StoresContext';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { DISCLOSURE_STATUS_LABELS } from './disclosure-labels';
import { DisclosureHoldForm } from './DisclosureHoldForm';
import { ExportEnd } from './ExportEnd';
import { SmsRecordCells, SmsRecordHeaders } from '../SmsRecordCells';

export function DisclosurePanel({ store }: { store: SmsDeskStore }) {
  const { detail, exported, busy, error, decide, exportOpen } = useStore(store);
  const roles = useSession((s) => s.session?.user.roles ?? []);
  const [note, setNote] = useState('');
  const { service } = useDesk();
  const openId = detail?.entry.id ?? null;
  // A decision taken on another workstation arrives with a sync: show it without a reload.
  useEffect(() => {
    if (!openId) return;
    return service.subscribe((event) => {
      if (event.type === 'changed' && event.scope === 'sync') void store.getState().refresh();
    });
  }, [openId, service, store]);
  if (!detail) return null;
  const { entry } = detail;
  const mayDecide = roles.includes('supervisor') && !entry.mine && entry.status === 'pending';
  return (
    <section className="panel" aria-labelledby="disclosure-heading" data-testid="disclosure-detail" data-status={entry.status}>
      <h3 id="disclosure-heading">
        Offenlegung {entry.caseRef} an {entry.authority}
      </h3>
      <p>
        Aktenzeichen {entry.authorityRef} · {entry.legalBasis} · beantragt von {entry.requestedBy} · <strong>{DISCLOSURE_STATUS_LABELS[entry.status]}</strong>
        {entry.decisionNote && ` · ${entry.decisionNote}`}
      </p>
      {error && <p role="alert">{error}</p>}
      {detail.missing.length > 0 && <p role="alert">{detail.missing.length} Datensätze sind nicht mehr im SMS-Protokoll.</p>}
      <table className="desk-table officer-table">
        <caption>{detail.records.length} Datensätze</caption>
        <thead>
          <tr>
            <SmsRecordHeaders />
          </tr>
        </thead>
        <tbody>
          {detail.records.map((r) => (
            <tr key={r.id}>
              <SmsRecordCells record={r} />
            </tr>
          ))}
        </tbody>
      </table>
      {entry.status === 'pending' && entry.mine && <p>Die Freigabe erteilt eine andere Person (Leitung).</p>}
      {mayDecide && (
        <div className="decision">
          <label htmlFor="decision-note">Begründung (für eine Ablehnung nötig)</label>
          <input id="decision-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          <button type="button" disabled={busy} onClick={() => void decide('approved', note.trim() || undefined)}>
            Freigeben
          </button>
          <button type="button" disabled={busy || note.trim().length < 3} onClick={() => void decide('rejected', note.trim())}>
            Ablehnen
          </button>
        </div>
      )}
      {entry.status === 'approved' && entry.mine && !entry.exportPurgedAt && (
        <button type="button" disabled={busy} onClick={() => void exportOpen()}>
          Exportieren (PDF, CSV, JSON)
        </button>
      )}
      {entry.status === 'approved' && !entry.mine && !entry.exportedAt && <p>Exportiert wird am Arbeitsplatz von {entry.requestedBy}.</p>}
      <ExportEnd entry={entry} endsAt={exported?.endsAt ?? null} />
      {entry.status === 'approved' && roles.includes('dpo') && <DisclosureHoldForm key={entry.id} store={store} />}
      {exported && (
        <div data-testid="export-result">
          <p>
            Gespeichert in <code data-testid="export-dir">{exported.dir}</code> am {formatDateTime(exported.manifest.exportedAt)}
          </p>
          <ul>
            {exported.files.map((f) => (
              <li key={f.name}>
                <code>{f.name}</code> · {f.bytes} Bytes · SHA-256 <code className="hash">{f.sha256}</code>
              </li>
            ))}
            <li>
              <code>manifest.json</code> · SHA-256 <code className="hash" data-testid="manifest-sha256">{exported.manifestSha256}</code>
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}
