// German counts with the right noun form: "1 Tag", "2 Tage", "0 Tage".

/** `count` followed by the singular for exactly 1, else the plural. */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('de-DE')} ${count === 1 ? one : many}`;
}
