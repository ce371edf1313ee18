import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { planPage } from './page';

describe('feed cursor', () => {
  it('round-trips a position within the same epoch and is opaque base64url', () => {
    const cursor = encodeCursor('a1b2c3', 1234);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('1234');
    expect(decodeCursor(cursor, 'a1b2c3', 2000)).toBe(1234);
  });

  it('refuses another epoch, a position beyond the log, and garbage', () => {
    expect(decodeCursor(encodeCursor('a1b2c3', 5), 'ffffff', 10)).toBeNull();
    expect(decodeCursor(encodeCursor('a1b2c3', 11), 'a1b2c3', 10)).toBeNull();
    expect(decodeCursor('%%%', 'a1b2c3', 10)).toBeNull();
    expect(decodeCursor(Buffer.from('v2.a1b2c3.1').toString('base64url'), 'a1b2c3', 10)).toBeNull();
  });
});

describe('planPage', () => {
  const audiences = Uint8Array.from([0, 4, 4, 1, 4, 0, 4, 4]);
  const agent = Uint8Array.from([1, 1, 0, 0, 0, 0]);

  it('collects visible positions up to the limit and looks ahead for hasMore', () => {
    expect(planPage(audiences, audiences.length, agent, 0, 2)).toEqual({ positions: [0, 3], next: 4, hasMore: true });
    expect(planPage(audiences, audiences.length, agent, 4, 2)).toEqual({ positions: [5], next: 8, hasMore: false });
  });

  it('jumps to the end when nothing visible is left, so the next call does not rescan', () => {
    expect(planPage(audiences, audiences.length, agent, 0, 3)).toEqual({ positions: [0, 3, 5], next: 8, hasMore: false });
    expect(planPage(audiences, audiences.length, agent, 8, 3)).toEqual({ positions: [], next: 8, hasMore: false });
  });
});
