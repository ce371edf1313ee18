import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyForMetaTag } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const production = directives(contentSecurityPolicy({ kind: 'production' }));

  it('allows only our own files in production', () => {
    expect(production.get('default-src')).toEqual(["'self'"]);
    expect(production.get('script-src')).toEqual(["'self'"]);
    expect(production.get('style-src')).toEqual(["'self'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'none'"]);
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline or eval in production', () => {
    const policy = contentSecurityPolicy({ kind: 'production' });
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('*');
  });

  it('relaxes only what Vite hot reload needs for the dev server, never eval', () => {
    const dev = directives(contentSecurityPolicy({ kind: 'dev-server', origin: 'http://localhost:5173' }));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('object-src')).toEqual(["'none'"]);
    expect([...dev.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('leaves header-only directives out of the <meta> variant', () => {
    const meta = directives(contentSecurityPolicyForMetaTag());
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicyForMetaTag()).not.toContain('unsafe');
  });
});
