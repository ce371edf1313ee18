import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'Tag', 'Tage')).toBe('1 Tag');
    expect(plural(0, 'Tag', 'Tage')).toBe('0 Tage');
    expect(plural(2, 'IP-Adresse', 'IP-Adressen')).toBe('2 IP-Adressen');
    expect(plural(1200, 'Versuch', 'Versuche')).toBe('1.200 Versuche');
  });
});
