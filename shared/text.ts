// Text arrives in either Unicode form: "Rückruf" typed with a combining diaeresis (u + U+0308)
// is the same word as with the precomposed "ü" to a reader, but not to a comparison, a search, a
// length limit or a keyed hash. Every input boundary (the core's gate for renderer, web host and
// CLI; the backend's answers) turns strings into NFC before the zod schemas see them.

/** `value` with every string in it (in arrays and plain objects, at any depth) in NFC. */
export function toNfc<T>(value: T): T {
  return normalize(value, new WeakSet()) as T;
}

function normalize(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  if (Array.isArray(value)) {
    seen.add(value);
    return value.map((item: unknown) => normalize(item, seen));
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // Only plain data; anything else (a Date, a Buffer) goes to the schema as it came.
  if (proto !== Object.prototype && proto !== null) return value;
  seen.add(value);
  // fromEntries defines own properties, so a key named "__proto__" stays data (and the schema refuses it).
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalize(item, seen)]));
}

/**
 * `JSON.parse(text)` with every string in NFC, as `toNfc` gives it. A feed page is ≈ 190 kB of
 * JSON, and rebuilding its objects to normalize each string cost a desk more than parsing it
 * (issue 19, the ingest row). Normalizing the text instead gives the same wherever the text has
 * no escape at all: outside strings JSON is ASCII, and a quote is a starter that composes with
 * nothing, so no composition or reordering crosses a string's boundary. An escape could (the "n"
 * of "\n" composes with a combining mark after it), so text with a backslash takes the slow way.
 * Keys are normalized too, which toNfc leaves alone; the schemas know only ASCII keys.
 */
export function parseJsonInNfc(text: string): unknown {
  if (text.includes('\\')) return toNfc(JSON.parse(text) as unknown);
  return JSON.parse(text.normalize('NFC')) as unknown;
}
