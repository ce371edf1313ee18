// Server-renders the screens in Node (no DOM needed) to check the markup the e2e tests and
// assistive technology rely on: accessible names, data-testids, aria-sort, text-only data.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import type { QueueCounts } from '../../shared/queue-window';
import { describe, expect, it } from 'vitest';
import { LoginScreen } from './login/LoginScreen';
import { CallbackQueue } from './queue/CallbackQueue';
import { RequestPanel } from './queue/RequestPanel';
import { createDeskService } from './services/desk';
import { AppHeader } from './shell/AppHeader';
import { createDeskStores, type DeskStores } from './store/desk-stores';
import { NO_FILTER } from './store/queue/queue-query';
import { DeskProvider } from './store/StoresContext';
import { createFakeDeskApi, ID_A, ID_B, queueRow, requestDetail, SESSION, syncState } from './testing/fake-desk-api';

function render(element: ReactElement, prepare: (stores: DeskStores) => void): string {
  const service = createDeskService(createFakeDeskApi());
  const stores = createDeskStores(service);
  prepare(stores);
  // Server rendering reads zustand's initial state; make it read the prepared one.
  for (const store of Object.values(stores)) store.getInitialState = store.getState;
  return renderToStaticMarkup(
    <DeskProvider stores={stores} service={service}>
      {element}
    </DeskProvider>,
  );
}

const counts = (all: number): QueueCounts => ({ all, kind: {}, status: {}, topic: {}, quick: { due_now: 0, overdue: 0, mine: 0 } });

describe('callback queue markup', () => {
  it('renders rows with test ids, German cells and the default sort', () => {
    const html = render(<CallbackQueue />, (s) =>
      s.queue.setState({
        listStatus: 'ready',
        listLoaded: true,
        // The core's order, kept as it comes.
        window: { ...s.queue.getState().window, total: 2, rows: [queueRow({ id: ID_A, status: 'claimed', owner: { displayName: 'A', mine: true } }), queueRow({ id: ID_B, dueFrom: '2025-03-13T09:00:00Z' })] },
        counts: counts(2),
        selectedId: ID_A,
      }),
    );
    expect(html).toContain(`data-testid="queue-row-${ID_A}"`);
    expect(html.indexOf(`queue-row-${ID_A}`)).toBeLessThan(html.indexOf(`queue-row-${ID_B}`));
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"[^>]*><button[^>]*>Wunschtermin/);
    expect(html).toContain('In Bearbeitung');
    expect(html).toContain('>Sie<');
    expect(html).toContain('aria-current="true"');
    expect(html).toContain('aria-label="Details zu Rückruf vom 10.03.2025, 09:15, Abrechnung"');
    // Column titles stay unique accessible names.
    expect(html.match(/Eingang/g)).toHaveLength(1);
  });

  it('has empty, loading and error states', () => {
    expect(render(<CallbackQueue />, (s) => s.queue.setState({ listStatus: 'loading', listLoaded: true, counts: counts(0) }))).toContain(
      'Keine Rückrufe in der Warteschlange',
    );
    expect(render(<CallbackQueue />, (s) => s.queue.setState({ listStatus: 'loading' }))).toContain('Rückrufe werden geladen');
    const failed = render(<CallbackQueue />, (s) => s.queue.setState({ listStatus: 'error', listLoaded: true, listError: 'Backend nicht erreichbar' }));
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('Backend nicht erreichbar');
    expect(failed).not.toContain('Keine Rückrufe');
  });

  it('tells a filter without matches from an empty queue, and counts the queue before the counts arrive', () => {
    const searched = { ...NO_FILTER, search: 'xyz' };
    const none = render(<CallbackQueue />, (s) =>
      s.queue.setState({ listStatus: 'ready', listLoaded: true, filter: searched, window: { ...s.queue.getState().window, filter: searched }, counts: counts(5) }),
    );
    expect(none).toContain('Nichts gefunden für „xyz“');
    expect(none).toContain('nicht durchsuchbar');
    expect(none).toContain('5 in der Warteschlange');
    const early = render(<CallbackQueue />, (s) =>
      s.queue.setState({ listStatus: 'loading', listLoaded: true, window: { ...s.queue.getState().window, total: 1, rows: [queueRow()] } }),
    );
    expect(early).toContain('1 in der Warteschlange');
    expect(early).toContain(`queue-row-${ID_A}`);
  });
});

describe('request panel markup', () => {
  it('shows personal data as text only, with a tel: link', () => {
    const row = queueRow({ status: 'claimed', owner: null });
    const html = render(<RequestPanel />, (s) => {
      s.session.setState({ session: SESSION, phase: 'signed_in' });
      s.queue.setState({
        selectedId: ID_A,
        detailStatus: 'ready',
        detail: requestDetail(row, {
          salutation: 'Frau',
          name: '<img src=x onerror=alert(1)>',
          phone: '0234 9601234',
          email: null,
          subject: null,
          message: null,
          note: 'ab <b>10</b> Uhr',
        }),
      });
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('Frau &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<a href="tel:+492349601234">0234 9601234</a>');
    expect(html).toContain('ab &lt;b&gt;10&lt;/b&gt; Uhr');
    expect(html).toContain('>Abschließen</button>');
    expect(html).toContain('>Freigeben</button>');
    expect(html).toContain('<label for="close-outcome">Abschlussergebnis</label>');
    expect(html).toContain('<option value="unreachable">Nicht erreicht</option>');
    expect(html).not.toContain('>Übernehmen</button>');
  });

  it('offers claiming an open callback and says why no personal data is shown', () => {
    const html = render(<RequestPanel />, (s) => {
      s.session.setState({ session: SESSION, phase: 'signed_in' });
      s.queue.setState({ selectedId: ID_A, detailStatus: 'ready', detail: requestDetail(queueRow()) });
    });
    expect(html).toContain('>Übernehmen</button>');
    expect(html).toContain('erst nach der Übernahme');
    expect(html).not.toContain('data-testid="personal-data"');
  });

  it('tells a supervisor that personal data is not for their role', () => {
    const html = render(<RequestPanel />, (s) => {
      s.session.setState({ session: { ...SESSION, user: { ...SESSION.user, roles: ['supervisor'] } }, phase: 'signed_in' });
      s.queue.setState({ selectedId: ID_A, detailStatus: 'ready', detail: requestDetail(queueRow()) });
    });
    expect(html).toContain('für Ihre Rolle nicht sichtbar');
    expect(html).not.toContain('>Übernehmen</button>');
  });

  it('shows a closed callback without personal data', () => {
    const row = queueRow({ status: 'closed', outcome: 'resolved', closedAt: '2025-03-12T10:00:00Z', hasPersonalData: false });
    const html = render(<RequestPanel />, (s) => {
      s.session.setState({ session: SESSION, phase: 'signed_in' });
      s.queue.setState({ selectedId: ID_A, detailStatus: 'ready', detail: requestDetail(row) });
    });
    expect(html).toContain('Abgeschlossen');
    expect(html).toContain('12.03.2025, 11:00 (Erledigt)');
    expect(html).toContain('personenbezogenen Daten sind gelöscht');
    expect(html).not.toContain('<button type="button" class="button-primary"');
  });
});

describe('login and header markup', () => {
  it('labels every field and lists demo users without clashing with "Anmelden"', () => {
    const html = render(<LoginScreen />, (s) =>
      s.session.setState({
        phase: 'signed_out',
        error: 'Benutzername oder Passwort falsch',
        config: {
          defaultBackendUrl: 'http://127.0.0.1:4010',
          host: 'web',
          demoUsers: [{ username: 'anna', password: 'demo', displayName: 'Anna Albers', roles: ['agent'] }],
        },
      }),
    );
    for (const [id, label] of [
      ['login-backend', 'Backend-Adresse'],
      ['login-username', 'Benutzername'],
      ['login-password', 'Passwort'],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('value="http://127.0.0.1:4010"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Demo-Zugänge');
    expect(html).toContain('Anna Albers – Sachbearbeitung</button>');
    expect(html.match(/anmelden<\/button>/gi)).toHaveLength(1);
  });

  it('shows the user, German roles and sync status', () => {
    const html = render(<AppHeader />, (s) => {
      s.session.setState({ session: { ...SESSION, user: { ...SESSION.user, roles: ['agent', 'supervisor'] } }, phase: 'signed_in' });
      s.sync.setState({ state: syncState() });
    });
    expect(html).toContain('Anna Albers');
    expect(html).toContain('Sachbearbeitung, Leitung');
    expect(html).toContain('Letzte Synchronisierung: 12.03.2025, 10:30');
    expect(html).toContain('>Jetzt synchronisieren</button>');
    expect(html).toContain('>Abmelden</button>');
  });
});
