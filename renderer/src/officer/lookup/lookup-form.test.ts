import { describe, expect, it } from 'vitest';
import { EMPTY_FIELDS, IP_FIELD_HINT, toLookupQuery } from './lookup-form';

describe('toLookupQuery', () => {
  const today = '2026-12-01';
  const base = { ...EMPTY_FIELDS, caseRef: 'DS-1', purposeCategory: 'criminal_complaint' as const, purpose: 'Anzeige' };
  it('needs a case reference, a purpose from the list and a detail, each with its own message', () => {
    const built = toLookupQuery({ ...EMPTY_FIELDS, value: '1' }, today);
    expect(built).toEqual({
      problems: {
        caseRef: 'Bitte die Fallnummer (Aktenzeichen) angeben.',
        purposeCategory: 'Bitte den Zweck der Abfrage wählen.',
        purpose: expect.stringContaining('Anlass'),
      },
    });
  });
  it('builds a customer or an address query with an optional time range', () => {
    expect(toLookupQuery({ ...base, value: ' 4711 ', from: '2026-11-01' }, today)).toEqual({
      query: { customerNumber: '4711', from: '2026-11-01', caseRef: 'DS-1', purposeCategory: 'criminal_complaint', purpose: 'Anzeige' },
    });
    expect(toLookupQuery({ ...base, by: 'ip', value: '2001:db8::/32' }, today)).toMatchObject({ query: { ip: '2001:db8::/32' } });
  });
  it('refuses letters in a customer number and dates outside the 90 days kept', () => {
    expect(toLookupQuery({ ...base, value: '12a4' }, today)).toEqual({ problems: { value: expect.stringContaining('nur aus Ziffern') } });
    expect(toLookupQuery({ ...base, value: '1', from: '2026-08-01' }, today)).toEqual({ problems: { from: expect.stringContaining('90 Tage') } });
    expect(toLookupQuery({ ...base, value: '1', to: '2026-12-02' }, today)).toEqual({ problems: { to: expect.stringContaining('bis heute') } });
    expect(toLookupQuery({ ...base, value: '1', from: '2026-11-05', to: '2026-11-01' }, today)).toEqual({ problems: { to: '„Bis“ liegt vor „Von“.' } });
  });
  it('refuses loose addresses and too wide networks at once, saying the minimum', () => {
    expect(toLookupQuery({ ...base, by: 'ip', value: '010.0.0.1' }, today)).toMatchObject({ problems: { value: expect.stringContaining('keine gültige IP-Adresse') } });
    expect(toLookupQuery({ ...base, by: 'ip', value: '0.0.0.0/0' }, today)).toMatchObject({ problems: { value: expect.stringContaining('höchstens /16 bei IPv4 und /32 bei IPv6') } });
    expect(toLookupQuery({ ...base, by: 'ip', value: '::ffff:203.0.113.0/120' }, today)).toMatchObject({ query: { ip: '::ffff:203.0.113.0/120' } });
    expect(IP_FIELD_HINT).toContain('/16 (IPv4) bzw. /32 (IPv6)');
  });
});
