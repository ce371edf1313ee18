import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-url';

describe('isAllowedExternalUrl', () => {
  it.each(['tel:+492345550100', 'TEL:0234 555-0100', 'mailto:kundenservice@stadtwerke-example.de', 'mailto:a@b.de?subject=R%C3%BCckruf'])(
    'opens %s',
    (url) => {
      expect(isAllowedExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://example.org/',
    'http://tel.example.org/',
    'https://example.org/?x=tel:123',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'tel',
    'mailto',
    'telx:123',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
