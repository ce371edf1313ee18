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
