// Growable typed-array columns. A million SMS records as objects would cost hundreds of MB;
// as columns they cost 16 bytes each.

export type Column = Uint8Array | Uint32Array | Float64Array;

/** Returns `column` if it has room for `size` rows, else a copy with at least double the room. */
export function withCapacity<T extends Column>(column: T, size: number): T {
  if (size <= column.length) return column;
  const Ctor = column.constructor as new (length: number) => T;
  const grown = new Ctor(Math.max(size, column.length * 2, 1024));
  (grown as Column).set(column as Column);
  return grown;
}
