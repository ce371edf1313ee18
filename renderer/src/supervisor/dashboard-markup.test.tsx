// Server-renders the dashboard's parts: German labels, test ids the e2e relies on, charts, and
// the refusal to show anything a supervisor must not see (case retention notes never reach this
// view; an SMS hold's justification does, for the supervisor who decides it).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeletionDashboard } from '../../../shared/retention';
import { createDeskService } from '../services/desk';
import { createRetentionStore } from '../store/retention/retention-store';
import { createFakeDeskApi } from '../testing/fake-desk-api';
import { BrokenChainsPanel } from './BrokenChainsPanel';
import { HoldsPanel } from './HoldsPanel';
import { PurgeCharts } from './PurgeCharts';
import { KindStatusTable, OverdueTable } from './StatusTables';

const WS = '00000000-0000-4000-8000-0000000000aa';
const days = (first: number) => Array.from({ length: 30 }, (_, i) => ({ date: `2026-12-${String(((first + i) % 28) + 1).padStart(2, '0')}`, count: i % 3 }));

const DASHBOARD: DeletionDashboard = {
  at: '2026-11-25T09:00:00.000Z',
  perKind: [
    { kind: 'callback', open: 12, awaitingPurge: 2, held: { proof: 0, customer_care: 0, statutory: 0, unknown: 0 }, purged30d: 40 },
    { kind: 'contact', open: 3, awaitingPurge: 0, held: { proof: 1, customer_care: 2, statutory: 0, unknown: 1 }, purged30d: 5 },
  ],
  overdue: [{ requestId: '11111111-1111-4111-8111-111111111111', kind: 'callback', dueAt: '2026-11-23T08:00:00.000Z', workstation: WS }],
  purgesPerDay: days(0),
  upcoming: days(5),
  selfTests: [],
  holds: [{ id: 'h1', type: 'sms', kind: 'sms', reason: 'legal_hold', until: '2027-01-31', note: 'Ermittlungsersuchen der StA', caseRef: 'StA 1 Js 2/26', setBy: 'Dana Datenschutz', confirmedBy: null, status: 'pending' }],
  brokenChains: [{ workstation: WS, at: '2026-11-25T08:30:00.000Z', expectedSeq: 41, offeredSeq: 12 }],
};

describe('deletion dashboard markup', () => {
  it('shows counts per kind and the overdue purge with its workstation', () => {
    const html = renderToStaticMarkup(
      <>
        <KindStatusTable dashboard={DASHBOARD} />
        <OverdueTable dashboard={DASHBOARD} />
      </>,
    );
    expect(html).toContain('data-testid="kind-status-callback"');
    expect(html).toMatch(/<th scope="row">Rückruf<\/th><td data-testid="open">12<\/td><td data-testid="awaiting">2<\/td>/);
    expect(html).toContain('data-testid="overdue-table"');
    expect(html).toContain(WS);
    expect(html).toContain('23.11.2026');
  });

  it('shows a broken audit chain with its workstation and where it broke, and nothing when there is none', () => {
    const html = renderToStaticMarkup(<BrokenChainsPanel chains={DASHBOARD.brokenChains} />);
    expect(html).toContain('Prüfprotokoll unterbrochen');
    expect(html).toContain(WS);
    expect(html).toContain('25.11.2026, 09:30');
    expect(html).toMatch(/<td>41<\/td><td>12<\/td>/);
    expect(renderToStaticMarkup(<BrokenChainsPanel chains={[]} />)).toBe('');
  });

  it('lays out both charts with their totals', () => {
    const html = renderToStaticMarkup(<PurgeCharts dashboard={DASHBOARD} />);
    expect(html).toContain('data-testid="chart-purges-per-day" data-total="30"');
    expect(html).toContain('Anstehende Löschungen, nächste 30 Tage: 30 insgesamt');
    expect(html).toContain('recharts-wrapper'); // the SVG itself is drawn in the browser (e2e)
  });

  it('lists holds with who, why (the officer`s justification) and until, and offers the confirmation or rejection of a pending one', () => {
    const store = createRetentionStore({ service: createDeskService(createFakeDeskApi()), announce: () => undefined, onAuthLost: () => undefined });
    const html = renderToStaticMarkup(<HoldsPanel store={store} holds={DASHBOARD.holds} />);
    expect(html).toContain('Sicherung (Strafanzeige)');
    expect(html).toContain('StA 1 Js 2/26');
    expect(html).toContain('Dana Datenschutz');
    expect(html).toContain('31.01.2027');
    expect(html).toContain('>Bestätigen</button>');
    expect(html).toContain('Ermittlungsersuchen der StA');
    expect(html).toContain('Begründung der Abweisung');
  });
});
