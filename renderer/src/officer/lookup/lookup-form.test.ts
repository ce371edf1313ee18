import { describe, expect, it } from 'vitest';
import { EMPTY_FIELDS, toLookupQuery } from './lookup-form';

describe('toLookupQuery', () => {
  const base = { ...EMPTY_FIELDS, caseRef: 'DS-1', purpose: 'Anzeige' };
  it('needs a case reference and a purpose', () => {
    expect(toLookupQuery({ ...EMPTY_FIELDS, value: '1' })).toEqual({ problem: 'Bitte die Fallnummer (Aktenzeichen) angeben.' });
    expect(toLookupQuery({ ...base, caseRef: 'DS-1', purpose: '' })).toEqual({ problem: 'Bitte den Zweck der Abfrage angeben.' });
  });
  it('builds a customer or an address query with an optional time range', () => {
    expect(toLookupQuery({ ...base, value: ' 4711 ', from: '2026-11-01' })).toEqual({ query: { customerNumber: '4711', from: '2026-11-01', caseRef: 'DS-1', purpose: 'Anzeige' } });
    expect(toLookupQuery({ ...base, by: 'ip', value: '2001:db8::/32' })).toEqual({ query: { ip: '2001:db8::/32', caseRef: 'DS-1', purpose: 'Anzeige' } });
    expect(toLookupQuery({ ...base, value: 'abc' })).toEqual({ problem: 'Die Kundennummer besteht nur aus Ziffern.' });
    expect(toLookupQuery({ ...base, value: '1', from: '2026-11-05', to: '2026-11-01' })).toMatchObject({ problem: expect.stringContaining('Zeitraum') });
  });
});
