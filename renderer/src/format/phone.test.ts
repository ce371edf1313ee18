import { describe, expect, it } from 'vitest';
import { phoneLink } from './phone';

describe('phoneLink', () => {
  it('dials German national numbers in E.164', () => {
    const link = phoneLink('0234 9601234');
    expect(link.href).toBe('tel:+492349601234');
    expect(link.display).toBe('0234 9601234');
  });

  it('accepts international notation', () => {
    expect(phoneLink('+49 (0)170 1234567').href).toBe('tel:+491701234567');
    expect(phoneLink('+31 20 123 4567').display).toBe('+31 20 123 4567');
  });

  it('keeps unparseable text as typed and does not link prose', () => {
    expect(phoneLink('bitte abends')).toEqual({ display: 'bitte abends', href: null });
  });
});
