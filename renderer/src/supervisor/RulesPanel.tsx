// The retention rules in force, and the way to tighten one: choose a rule and a shorter period,
// look at the dry run (exactly what would be purged), then apply. The core refuses to go past
// a limit whatever this form allows; its refusal, like the form's own (not a whole number), stands
// next to the field in German, and the old dry run goes. The browser's own validation is off
// (`noValidate`, a text field with a numeric keyboard): it spoke the browser's language.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { RuleKey } from '../../../shared/retention';
import { formatDateTime } from '../format/datetime';
import type { RetentionStore } from '../store/retention/retention-store';
import { Field } from '../ui/Field';
import { DryRunResult } from './DryRunResult';
import { periodLabel } from './retention-labels';

export function RulesPanel({ store }: { store: RetentionStore }) {
  const rules = useStore(store, (s) => s.rules);
  const busy = useStore(store, (s) => s.busy);
  const dryRun = useStore(store, (s) => s.dryRun);
  const ruleError = useStore(store, (s) => s.ruleError);
  const adjustable = rules.filter((r) => r.adjustable);
  const [key, setKey] = useState<RuleKey | ''>('');
  const [period, setPeriod] = useState('');
  const rule = rules.find((r) => r.key === key);
  const typed = period.trim();
  const wellFormed = /^\d{1,6}$/.test(typed);
  const change = rule && wellFormed ? { key: rule.key, period: Number(typed) } : null;
  const previewed = change !== null && dryRun?.change?.key === change.key && dryRun.change.period === change.period;

  return (
    <section aria-labelledby="rules-heading">
      <h3 id="rules-heading">Löschregeln</h3>
      {/* Issue 16: the rules are the backend's; "Geändert" names who changed one there, and when. */}
      <p className="hint">Die Regeln gelten für alle Arbeitsplätze: Eine Änderung wird im Backend gespeichert und an jedem Arbeitsplatz mit der nächsten Synchronisation angewandt.</p>
      <table className="desk-table retention-table" data-testid="rules-table">
        <thead>
          <tr>
            <th scope="col">Daten</th>
            <th scope="col">Beginn</th>
            <th scope="col">Frist</th>
            <th scope="col">Obergrenze</th>
            <th scope="col">Geändert</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.key} data-testid={`rule-${r.key}`}>
              <th scope="row">{r.data}</th>
              <td>{r.startEvent}</td>
              <td data-testid="period">{periodLabel(r.period, r.unit)}</td>
              <td>{periodLabel(r.limit, r.unit)}</td>
              <td>{r.updatedAt ? `${formatDateTime(r.updatedAt)}, ${r.updatedBy ?? ''}` : 'Vorgabe'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <form
        className="rule-change"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!rule) return;
          if (!wellFormed) store.getState().refuseRuleChange('Bitte die Frist als ganze Zahl ab 0 eingeben.');
          else if (change) void store.getState().preview(change);
        }}
      >
        <Field id="rule-change-key" label="Regel">
          <select value={key} onChange={(e) => setKey(e.target.value as RuleKey)}>
            <option value="">Bitte wählen</option>
            {adjustable.map((r) => (
              <option key={r.key} value={r.key}>
                {r.data}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rule-change-period" label={`Neue Frist${rule ? ` (${rule.unit === 'days' ? 'Tage' : 'Jahre'}, höchstens ${rule.limit})` : ''}`} error={ruleError}>
          {/* No `max`: the limit is the core's to enforce, and its refusal is shown here. */}
          <input type="text" inputMode="numeric" autoComplete="off" maxLength={6} value={period} onChange={(e) => setPeriod(e.target.value)} />
        </Field>
        <button type="submit" disabled={busy || !rule || typed === ''}>
          Probelauf
        </button>
        <button type="button" disabled={busy || !previewed} onClick={() => change && void store.getState().apply(change)}>
          Änderung übernehmen
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void store.getState().preview(null)}>
          Probelauf ohne Änderung
        </button>
      </form>
      {dryRun && <DryRunResult dryRun={dryRun} />}
    </section>
  );
}
