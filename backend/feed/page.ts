// Which log positions go into one feed page for one user.

export interface PagePlan {
  positions: number[];
  /** Where the next page starts (the cursor's position). */
  next: number;
  hasMore: boolean;
}

/**
 * Scans from `start` for up to `limit` entries the user may see. When the page fills, it looks
 * ahead for one more visible entry, so `hasMore` is exact; when nothing visible is left, the
 * cursor jumps to the end, so an agent's next call does not rescan a million SMS entries.
 */
export function planPage(audiences: Uint8Array, length: number, mask: Uint8Array, start: number, limit: number): PagePlan {
  const positions: number[] = [];
  let pos = start;
  for (; pos < length && positions.length < limit; pos++) {
    if (mask[audiences[pos] ?? 0] === 1) positions.push(pos);
  }
  const next = pos;
  for (; pos < length; pos++) {
    if (mask[audiences[pos] ?? 0] === 1) return { positions, next, hasMore: true };
  }
  return { positions, next: length, hasMore: false };
}
