// Server-renders the officers' screens: a case's message and notes are text, never HTML; the
// lookup shows quota days and shared addresses; the register carries no SMS values.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createDeskService } from '../services/desk';
import { createDeskStores } from '../store/desk-stores';
import { createOfficerCasesStore } from '../store/officer/officer-cases-store';
import { createSmsDeskStore } from '../store/officer/sms-desk-store';
import { DeskProvider } from '../store/StoresContext';
import { createFakeDeskApi, ID_A, queueRow, requestDetail, SESSION } from '../testing/fake-desk-api';
import { CasePanel } from './cases/CasePanel';
import { DisclosuresScreen } from './disclosures/DisclosuresScreen';
import { SmsLookupResults } from './lookup/SmsLookupResults';

const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

function setup() {
  const service = createDeskService(createFakeDeskApi());
  const stores = createDeskStores(service);
  stores.session.setState({ phase: 'signed_in', session: { ...SESSION, user: { id: 'u-dpo', displayName: 'Dana Datenschutz', roles: ['dpo'] } } });
  const deps = { service, announce: () => undefined, onAuthLost: () => undefined };
  const render = (element: ReactElement) => {
    for (const store of Object.values(stores)) store.getInitialState = store.getState;
    return renderToStaticMarkup(
      <DeskProvider stores={stores} service={service}>
        {element}
      </DeskProvider>,
    );
  };
  return { render, cases: createOfficerCasesStore(deps), sms: createSmsDeskStore(deps) };
}

describe('officers’ markup', () => {
  it('shows a case message and its notes as text, never as markup', () => {
    const { render, cases } = setup();
    const row = queueRow({ id: ID_A, kind: 'dpo', status: 'claimed', owner: { displayName: 'Dana Datenschutz', mine: true } });
    const personal = { salutation: 'Frau' as const, name: 'Erika Muster', phone: null, email: 'e@example.org', subject: 'Auskunft', message: `Bitte ${HOSTILE}`, note: null };
    cases.setState({ open: { detail: requestDetail(row, personal), notes: [{ id: 'n1', text: `Notiz ${HOSTILE}`, author: 'Dana Datenschutz', createdAt: '2026-11-24T10:00:00Z', mine: true }] } });
    cases.getInitialState = cases.getState;
    const html = render(<CasePanel store={cases} />);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toContain('Notiz &lt;img');
    expect(html).toContain('Notiz speichern');
    expect(html).toContain('Abschlussergebnis');
  });

  it('marks over-quota days and shared addresses in a lookup', () => {
    const { render, sms } = setup();
    sms.setState({
      caseRef: 'DS-1',
      report: {
        records: [{ id: 's1', customerNumber: '1001', sentAt: '2026-11-20T10:00:00Z', ip: '203.0.113.7' }],
        perDay: [{ date: '2026-11-20', sends: 7, overQuota: true }],
        daysOverQuota: 1,
        ips: ['203.0.113.7'],
        ipUsage: [{ ip: '203.0.113.7', sends: 7, otherCustomers: ['2002'], shared: true }],
        otherCustomers: ['2002'],
        freeQuotaPerDay: 5,
        windowStart: '2026-08-28T12:00:00.000Z',
        truncated: false,
      },
    });
    sms.getInitialState = sms.getState;
    const html = render(<SmsLookupResults store={sms} />);
    expect(html).toContain('data-over-quota="true"');
    expect(html).toContain('7 (+2)');
    expect(html).toContain('data-shared="true"');
    expect(html).toMatch(/data-testid="days-over-quota">1</);
  });

  it('lists the register without SMS values', () => {
    const { render, sms } = setup();
    sms.setState({
      register: [
        { id: ID_A, caseRef: 'DS-1', authority: 'Polizei Bochum', authorityRef: 'KK 11', legalBasis: '§ 100g StPO', records: 3, requestedBy: 'Dana Datenschutz', requestedAt: '2026-11-24T10:00:00Z', mine: true, status: 'approved', decidedBy: 'Sina Schichtleitung', decidedAt: '2026-11-24T11:00:00Z', decisionNote: null, exportedAt: null, manifestSha256: null, exportEndsAt: null, exportPurgedAt: null },
      ],
    });
    sms.getInitialState = sms.getState;
    const html = render(<DisclosuresScreen store={sms} />);
    expect(html).toContain('Polizei Bochum · KK 11');
    expect(html).toContain('Sina Schichtleitung');
    expect(html).toContain('Freigegeben');
  });
});
