import { describe, expect, it } from 'vitest';
import { tempDatabase } from '../test-support/fixtures';
import { preferredWindowInstants } from './due';
import { checkRetry, DEFAULT_RETRY_RULES, readRetryRules, RETRY_RULES_KEY, writeRetryRules, type AttemptHistory } from './retry-rules';
import { writeState } from '../db/state';

// 27 Nov 2026, 10:00–12:00 Berlin = 09:00–11:00 UTC.
const WINDOW = preferredWindowInstants('2026-11-27', '10:00', '12:00');
const at = (iso: string) => new Date(iso);
const history = (...attempts: [string, AttemptHistory['attempts'][number]['disposition']][]): AttemptHistory => ({
  ...WINDOW,
  attempts: attempts.map(([time, disposition]) => ({ at: time, disposition })),
});

describe('retry rules', () => {
  it('allows the first call at any time, even before the window', () => {
    expect(checkRetry(history(), DEFAULT_RETRY_RULES, at('2026-11-27T07:00:00Z'))).toMatchObject({ allowed: true, attemptsLeft: 3 });
  });

  it('needs 30 minutes between attempts and says from when', () => {
    const h = history(['2026-11-27T09:05:00Z', 'no_answer']);
    const early = checkRetry(h, DEFAULT_RETRY_RULES, at('2026-11-27T09:20:00Z'));
    expect(early).toMatchObject({ allowed: false, nextAllowedAt: '2026-11-27T09:35:00.000Z', attemptsLeft: 2 });
    expect(early.reason).toBe('Nächster Versuch frühestens ab 27.11.2026, 10:35 Uhr (Mindestabstand 30 Minuten).');
    expect(checkRetry(h, DEFAULT_RETRY_RULES, at('2026-11-27T09:35:00Z')).allowed).toBe(true);
  });

  it('keeps retries inside the preferred window', () => {
    const early = history(['2026-11-27T07:00:00Z', 'busy']);
    const before = checkRetry(early, DEFAULT_RETRY_RULES, at('2026-11-27T08:00:00Z'));
    expect(before).toMatchObject({ allowed: false, nextAllowedAt: WINDOW.dueFrom });
    expect(before.reason).toMatch(/Wunschfenster beginnt erst am 27\.11\.2026, 10:00 Uhr/);
    const after = checkRetry(history(['2026-11-27T09:00:00Z', 'busy']), DEFAULT_RETRY_RULES, at('2026-11-27T11:00:00Z'));
    expect(after).toMatchObject({ allowed: false, nextAllowedAt: null });
    expect(after.reason).toMatch(/Wunschfenster ist vorbei \(bis 12:00 Uhr\)/);
    // 11:35 + 30 min would be after the window's end: say so instead of promising a time.
    const late = checkRetry(history(['2026-11-27T10:35:00Z', 'voicemail']), DEFAULT_RETRY_RULES, at('2026-11-27T10:40:00Z'));
    expect(late.reason).toMatch(/Kein weiterer Versuch im Wunschfenster möglich/);
  });

  it('stops after the maximum, after reaching the person and after a wrong number', () => {
    const three = history(['2026-11-27T09:00:00Z', 'no_answer'], ['2026-11-27T09:30:00Z', 'busy'], ['2026-11-27T10:00:00Z', 'voicemail']);
    expect(checkRetry(three, DEFAULT_RETRY_RULES, at('2026-11-27T10:40:00Z'))).toMatchObject({ allowed: false, attemptsLeft: 0 });
    expect(checkRetry(history(['2026-11-27T09:00:00Z', 'reached']), DEFAULT_RETRY_RULES, at('2026-11-27T10:00:00Z')).reason).toMatch(/Erledigt/);
    expect(checkRetry(history(['2026-11-27T09:00:00Z', 'wrong_number']), DEFAULT_RETRY_RULES, at('2026-11-27T10:00:00Z')).reason).toMatch(/Nicht erreicht/);
  });

  it('follows adjusted rules', () => {
    const h = history(['2026-11-27T09:00:00Z', 'no_answer']);
    expect(checkRetry(h, { maxAttempts: 1, minGapMinutes: 30 }, at('2026-11-27T10:00:00Z'))).toMatchObject({ allowed: false, attemptsLeft: 0 });
    expect(checkRetry(h, { maxAttempts: 3, minGapMinutes: 10 }, at('2026-11-27T09:10:00Z')).allowed).toBe(true);
  });

  it('stores the rules and never lets a damaged value lift the limits', () => {
    const { db } = tempDatabase();
    expect(readRetryRules(db)).toEqual(DEFAULT_RETRY_RULES);
    writeRetryRules(db, { maxAttempts: 2, minGapMinutes: 45 });
    expect(readRetryRules(db)).toEqual({ maxAttempts: 2, minGapMinutes: 45 });
    writeState(db, RETRY_RULES_KEY, JSON.stringify({ maxAttempts: 99, minGapMinutes: 1 }));
    expect(readRetryRules(db)).toEqual({ maxAttempts: 5, minGapMinutes: 10 });
    writeState(db, RETRY_RULES_KEY, '{kaputt');
    expect(readRetryRules(db)).toEqual(DEFAULT_RETRY_RULES);
  });
});
