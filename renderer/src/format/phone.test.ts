import { describe, expect, it } from 'vitest';
import { phoneLink } from './phone';

describe('phoneLink', () => {
  it('dials German national numbers in E.164', () => {
    const link = phoneLink('0234 9601234');
    expect(link.href).toBe('tel:+492349601234');
    expect(link.display).toBe('0234 9601234');
    expect(link).toMatchObject({ valid: true, copyText: '+492349601234' });
  });

  it('formats numbers typed without spaces or with a slash', () => {
    expect(phoneLink('0234/9601234')).toMatchObject({ display: '0234 9601234', valid: true });
    expect(phoneLink('01701234567')).toMatchObject({ display: '0170 1234567', href: 'tel:+491701234567' });
  });

  it('marks numbers that cannot be valid', () => {
    expect(phoneLink('0234 12')).toMatchObject({ valid: false, display: '0234 12', href: 'tel:023412' });
  });

  it('accepts international notation', () => {
    expect(phoneLink('+49 (0)170 1234567').href).toBe('tel:+491701234567');
    expect(phoneLink('+31 20 123 4567').display).toBe('+31 20 123 4567');
  });

  it('keeps unparseable text as typed and does not link prose', () => {
    expect(phoneLink('bitte abends')).toEqual({ display: 'bitte abends', href: null, valid: false, copyText: 'bitte abends' });
  });
});
