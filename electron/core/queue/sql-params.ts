// Named parameters for SQL assembled from parts: each value gets its own placeholder, so no user
// text is ever spliced into the statement (the statement text depends on the filter's shape only).
export class SqlParams {
  readonly values: Record<string, string | number> = {};
  private next = 0;

  /** A placeholder bound to `value`. */
  bind(value: string | number): string {
    const name = `p${this.next++}`;
    this.values[name] = value;
    return `@${name}`;
  }

  /** `IN (…)` over the values, or null when there are none. */
  in(values: readonly (string | number)[]): string | null {
    return values.length === 0 ? null : `IN (${values.map((v) => this.bind(v)).join(', ')})`;
  }
}

/**
 * A value of a closed list (a kind, a status, a topic) written into the statement as a literal.
 * SQLite (built with STAT4) prepares a statement again whenever a value bound to a WHERE column
 * with an index could change the plan: ≈ 15 µs on every first page, a third of the page's own
 * query. The list's few values keep the statement cache small; anything else is refused.
 */
export function listLiteral(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value) || !/^[a-z_]+$/.test(value)) throw new Error(`not a value of the list: ${value}`);
  return `'${value}'`;
}
