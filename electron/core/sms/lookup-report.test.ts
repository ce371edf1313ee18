import { describe, expect, it } from 'vitest';
import { perDay, quotaSummary } from './lookup-report';

const send = (customerNumber: string, sentAt: string, i: number) => ({ id: `s${customerNumber}-${i}`, customerNumber, sentAt, ip: '203.0.113.7' });

describe('free quota per customer', () => {
  it('counts each customer of an address lookup on its own, never their total', () => {
    // 12 customers, 3 SMS each on one day from one address: 36 sends, nobody over the quota of 5.
    const records = Array.from({ length: 12 }, (_, c) => [0, 1, 2].map((i) => send(String(1000 + c), `2026-11-20T1${i}:00:00Z`, i))).flat();
    const days = perDay(records);
    expect(days).toHaveLength(12);
    expect(days.every((d) => d.sends === 3 && !d.overQuota)).toBe(true);
    expect(quotaSummary(days)).toEqual({ daysOverQuota: 0, customersOverQuota: 0 });
  });

  it('marks only the customer who sent more than 5 on a Berlin day', () => {
    const records = [...Array.from({ length: 6 }, (_, i) => send('42', `2026-11-20T0${i}:00:00Z`, i)), send('7', '2026-11-20T09:00:00Z', 9)];
    const days = perDay(records);
    expect(days).toEqual([
      { date: '2026-11-20', customerNumber: '42', sends: 6, overQuota: true },
      { date: '2026-11-20', customerNumber: '7', sends: 1, overQuota: false },
    ]);
    expect(quotaSummary(days)).toEqual({ daysOverQuota: 1, customersOverQuota: 1 });
  });
});
