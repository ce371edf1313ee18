// Broken audit chains (issue 14): the backend refused a workstation's Prüfprotokoll head because
// it no longer extends what that workstation proved before: entries were cut, changed or the
// database was replaced. Shown only when there is one; each needs a supervisor's look.
import type { DeletionDashboard } from '../../../shared/retention';
import { formatDateTime } from '../format/datetime';

export function BrokenChainsPanel({ chains }: { chains: DeletionDashboard['brokenChains'] }) {
  if (chains.length === 0) return null;
  return (
    <section aria-labelledby="broken-chains-heading" data-testid="broken-chains">
      <h3 id="broken-chains-heading">Prüfprotokoll unterbrochen</h3>
      <p role="alert">
        Das Backend hat den Prüfprotokoll-Stand {chains.length === 1 ? 'eines Arbeitsplatzes' : `von ${chains.length} Meldungen`} abgelehnt: das Protokoll setzt den zuletzt
        nachgewiesenen Stand nicht fort (Einträge gekürzt, verändert oder Datenbank ersetzt). Bitte den Arbeitsplatz prüfen.
      </p>
      <table className="retention-table">
        <thead>
          <tr>
            <th scope="col">Zeitpunkt</th>
            <th scope="col">Arbeitsplatz</th>
            <th scope="col">Nachgewiesen bis Eintrag</th>
            <th scope="col">Angeboten bis Eintrag</th>
          </tr>
        </thead>
        <tbody>
          {chains.map((c) => (
            <tr key={`${c.workstation}-${c.at}-${c.offeredSeq}`}>
              <td>{formatDateTime(c.at)}</td>
              <td className="mono">{c.workstation}</td>
              <td>{c.expectedSeq ?? 'noch keiner'}</td>
              <td>{c.offeredSeq}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
