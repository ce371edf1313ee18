// Server-renders the audit table: German action names beside the stored ones, details as stored,
// and a tampered (non-JSON) value shown raw and as text, never as markup.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AuditTable } from './AuditTable';

describe('audit table markup', () => {
  it('labels actions in German, keeps unknown ones as stored, and escapes what it shows', () => {
    const html = renderToStaticMarkup(
      <AuditTable
        entries={[
          { seq: 2, at: '2026-11-26T08:00:00.000Z', actor: 'u-sup', action: 'hold.confirm', subject: 'h-1', details: '{"until":"2026-12-31"}' },
          { seq: 1, at: '2026-11-25T23:30:00.000Z', actor: 'system', action: 'future.thing', subject: null, details: '<script>x</script>' },
        ]}
      />,
    );
    expect(html).toContain('Sicherung bestätigt');
    expect(html).not.toContain('(hold.confirm)');
    expect(html).toContain('bis: 31.12.2026');
    expect(html).toContain('future.thing');
    expect(html).toContain('26.11.2026');
    expect(html).toContain('data-testid="audit-row-1"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('says so when nothing matches', () => {
    expect(renderToStaticMarkup(<AuditTable entries={[]} />)).toContain('Keine Einträge für diesen Filter.');
  });
});
