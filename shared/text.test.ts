// parseJsonInNfc must give exactly what toNfc(JSON.parse(text)) gives, only faster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonInNfc, toNfc } from './text';

const reference = (text: string): unknown => toNfc(JSON.parse(text) as unknown);

describe('parseJsonInNfc', () => {
  it('composes decomposed strings anywhere in the document', () => {
    const text = JSON.stringify({ events: [{ name: 'Ju\u0308rgen Mu\u0308ller', topic: 'Ru\u0308ckruf' }], cursor: 'abc' });
    expect(parseJsonInNfc(text)).toEqual({ events: [{ name: 'Jürgen Müller', topic: 'Rückruf' }], cursor: 'abc' });
  });

  it('leaves a combining mark at the start of a string alone, as the per-string way does', () => {
    const text = JSON.stringify(['e', '\u0301x', 'a\u0301']);
    expect(parseJsonInNfc(text)).toEqual(reference(text));
    expect(parseJsonInNfc(text)).toEqual(['e', '\u0301x', 'á']);
  });

  it('does not compose an escape letter with the combining mark after it', () => {
    // Text-wide NFC would turn "\n" + U+0301 into "\ń", which is no JSON escape.
    const text = JSON.stringify({ message: 'Zeile 1\n\u0301Zeile 2', tab: 'a\t\u0308' });
    expect(text).toContain('\\n\u0301');
    expect(parseJsonInNfc(text)).toEqual(reference(text));
  });

  it('normalizes strings written with \\u escapes', () => {
    const text = '{"name":"Ju\\u0308rgen"}';
    expect(parseJsonInNfc(text)).toEqual({ name: 'Jürgen' });
  });

  it('throws on invalid JSON like JSON.parse', () => {
    expect(() => parseJsonInNfc('{"a": ')).toThrow(SyntaxError);
  });

  it('equals toNfc(JSON.parse(text)) for any JSON value built from mixed Unicode, with and without escapes', () => {
    // Letters, combining marks of several classes, Hangul jamo, singletons; then also quotes, backslashes and controls.
    const plain = ['a', 'e', 'n', 'u', 'A', 'ü', 'u\u0308', '\u0301', '\u0308', '\u0323', '\u0327', '\u1100', '\u1161', '\u11a8', ' ', 'ß', '\u212b', '\u0344'];
    const escaped = [...plain, '"', '\\', '\n', '\t', '\u0001'];
    for (const pieces of [plain, escaped]) {
      const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
      const document = fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.array(text, { minLength: 1, maxLength: 8 }));
      fc.assert(
        fc.property(document, ([shape, strings]) => {
          const encoded = JSON.stringify({ shape, strings, nested: { list: strings.map((s) => ({ s })) } });
          expect(parseJsonInNfc(encoded)).toEqual(reference(encoded));
        }),
        { numRuns: 300 },
      );
    }
  });
});
