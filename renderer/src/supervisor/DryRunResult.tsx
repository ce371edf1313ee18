// What a sweep (or a rule change) would purge right now: counts per rule and kind, and the ids.
import type { DryRun } from '../../../shared/retention';
import { kindLabel, PURGE_RULE_LABELS } from './retention-labels';

const SHOWN_IDS = 50;

export function DryRunResult({ dryRun }: { dryRun: DryRun }) {
  return (
    <div className="dry-run" data-testid="dry-run" data-total={dryRun.total} role="status">
      <p>
        <strong>Probelauf:</strong> {dryRun.total === 0 ? 'Es würde nichts gelöscht.' : `Es würden ${dryRun.total} Einträge gelöscht.`}
      </p>
      {dryRun.byRule.length > 0 && (
        <ul>
          {dryRun.byRule.map((r) => (
            <li key={`${r.rule}-${r.kind}`}>
              {kindLabel(r.kind)}: {r.count} ({PURGE_RULE_LABELS[r.rule]})
            </li>
          ))}
        </ul>
      )}
      {dryRun.requests.length > 0 && (
        <details>
          <summary>Betroffene Vorgänge ({dryRun.requests.length})</summary>
          <ul className="mono" data-testid="dry-run-ids">
            {dryRun.requests.slice(0, SHOWN_IDS).map((r) => (
              <li key={r.id}>{r.id}</li>
            ))}
          </ul>
          {dryRun.requests.length > SHOWN_IDS && <p>… und {dryRun.requests.length - SHOWN_IDS} weitere.</p>}
        </details>
      )}
    </div>
  );
}
