import { describe, expect, it } from 'vitest';
import { EMPTY_FIELDS, IP_FIELD_HINT, toLookupQuery } from './lookup-form';

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
  it('refuses loose addresses and too wide networks at once, saying the minimum', () => {
    expect(toLookupQuery({ ...base, by: 'ip', value: '010.0.0.1' })).toMatchObject({ problem: expect.stringContaining('keine gültige IP-Adresse') });
    expect(toLookupQuery({ ...base, by: 'ip', value: '0.0.0.0/0' })).toMatchObject({ problem: expect.stringContaining('höchstens /16 bei IPv4 und /32 bei IPv6') });
    expect(toLookupQuery({ ...base, by: 'ip', value: '::ffff:203.0.113.0/120' })).toMatchObject({ query: { ip: '::ffff:203.0.113.0/120' } });
    expect(IP_FIELD_HINT).toContain('/16 (IPv4) bzw. /32 (IPv6)');
  });
});
