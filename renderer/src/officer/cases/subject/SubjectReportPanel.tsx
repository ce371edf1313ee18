// The Auskunft of an Auskunft/Datenübertragbarkeit case (issue 17, part 3): written from the hits
// the officer included, as a PDF letter and a JSON file in a private folder on this workstation;
// marked as sent, it stays for the proof period and is then deleted by the retention sweep. The
// panel shows where the files are and until when; the content itself never enters the renderer.
import { useCallback, useEffect, useState } from 'react';
import type { SubjectReportFiles } from '../../../../../shared/channels/subject-report-channels';
import type { HitDecision } from '../../../../../shared/subject-requests';
import { SUBJECT_REPORT_PROOF_DAYS } from '../../../../../shared/subject-report';
import { formatDateTime, formatLocalDate } from '../../../format/datetime';
import { berlinToday } from '../../../queue/retention-limits';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';
import { DateField } from '../../../ui/DateField';
import { Empty, ErrorBanner, Loading } from '../../../ui/StateMessage';

const size = (bytes: number) => (bytes < 1024 ? `${bytes} Byte` : `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`);

export function SubjectReportPanel({ requestId, decisions }: { requestId: string; decisions: HitDecision[] }) {
  const { service } = useDesk();
  const [files, setFiles] = useState<SubjectReportFiles | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentOn, setSentOn] = useState(berlinToday(new Date()));
  const [sentProblem, setSentProblem] = useState<string | null>(null);
  const included = decisions.filter((d) => d.decision === 'include').length;

  const load = useCallback(async () => {
    try {
      setFiles(await service.subject.report(requestId));
    } catch (e) {
      setFiles(null);
      setError(toDeskFailure(e).message);
    }
  }, [service, requestId]);
  useEffect(() => {
    setFiles(undefined);
    void load();
  }, [load]);

  const run = async (work: () => Promise<SubjectReportFiles>) => {
    setBusy(true);
    setError(null);
    try {
      setFiles(await work());
    } catch (e) {
      setError(toDeskFailure(e).message);
    } finally {
      setBusy(false);
    }
  };

  const sent = files?.sentOn ?? null;
  return (
    <section aria-labelledby="subject-report-heading" data-testid="subject-report">
      <h4 id="subject-report-heading">Auskunft an die Person</h4>
      {error && <ErrorBanner testId="subject-report-error">{error}</ErrorBanner>}
      {files === undefined && <Loading>Auskunft wird geladen …</Loading>}
      {files === null && included === 0 && (
        <Empty testId="subject-report-empty">Noch kein Treffer aufgenommen. Nehmen Sie die Daten der Person aus der Suche auf; dann kann die Auskunft erstellt werden.</Empty>
      )}
      {files !== undefined && !sent && (
        <div className="form-actions">
          <button type="button" disabled={busy || included === 0} onClick={() => void run(() => service.subject.produceReport(requestId))}>
            {files ? 'Auskunft neu erstellen' : 'Auskunft erstellen'}
          </button>
          {included > 0 && <span className="muted">{included === 1 ? '1 aufgenommener Treffer' : `${included} aufgenommene Treffer`}</span>}
        </div>
      )}
      {files && (
        <>
          <dl className="facts" data-testid="subject-report-facts">
            <dt>Erstellt</dt>
            <dd>
              {formatDateTime(files.producedAt)} von {files.producedBy} ({files.items === 1 ? '1 Eintrag' : `${files.items} Einträge`})
            </dd>
            <dt>Ordner</dt>
            <dd>
              <code data-testid="subject-report-dir">{files.dir}</code>
            </dd>
            <dt>Prüfsumme (SHA-256) des Manifests</dt>
            <dd>
              <code>{files.manifestSha256}</code>
            </dd>
          </dl>
          {files.files.length > 0 && (
            <ul className="file-list" aria-label="Dateien der Auskunft" data-testid="subject-report-files">
              {files.files.map((f) => (
                <li key={f.name}>
                  <code data-testid="subject-report-file">{f.path}</code> ({size(f.bytes)})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {files && !sent && !files.purgedAt && files.endsAt && (
        <p className="muted" data-testid="subject-report-unsent-end">
          Ohne Versandvermerk werden die Dateien am {formatDateTime(files.endsAt)} gelöscht.
        </p>
      )}
      {files && !sent && !files.purgedAt && (
        <form
          className="form"
          aria-label="Auskunft als versandt markieren"
          onSubmit={(e) => {
            e.preventDefault();
            if (!sentOn) return setSentProblem('Bitte das Versanddatum angeben.');
            setSentProblem(null);
            void run(() => service.subject.reportSent(requestId, sentOn));
          }}
        >
          <DateField id="subject-report-sent-on" label="Versandt am" value={sentOn} onChange={setSentOn} error={sentProblem} required />
          <div className="form-actions">
            <button type="submit" className="button-secondary" disabled={busy}>
              Als versandt markieren
            </button>
          </div>
        </form>
      )}
      {files && !sent && files.purgedAt && <p data-testid="subject-report-sent">Nie als versandt vermerkt; die Dateien wurden am {formatDateTime(files.purgedAt)} gelöscht.</p>}
      {files && sent && (
        <p data-testid="subject-report-sent">
          Versandt am {formatLocalDate(sent)}.{' '}
          {files.purgedAt
            ? `Die Dateien wurden am ${formatDateTime(files.purgedAt)} gelöscht; die Prüfsumme des Manifests bleibt als Nachweis.`
            : `Die Dateien werden nach der Nachweisfrist von ${SUBJECT_REPORT_PROOF_DAYS} Tagen gelöscht, am ${formatDateTime(files.endsAt)}.`}
        </p>
      )}
    </section>
  );
}
