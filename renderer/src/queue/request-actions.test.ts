import { describe, expect, it } from 'vitest';
import { queueRow } from '../testing/fake-desk-api';
import { requestDetail } from '../testing/fake-desk-api';
import { closeOutcomes, closeSuggestion, requestActions } from './request-actions';

const mine = { displayName: 'Anna Albers', mine: true };
const theirs = { displayName: 'Bernd Brandt', mine: false };
const NOW = new Date('2025-03-12T10:00:00Z');
const none = { claim: false, release: false, attempt: false, forward: false, close: false };

describe('requestActions', () => {
  it('offers claiming an open callback to an agent', () => {
    expect(requestActions(queueRow(), ['agent'], NOW)).toEqual({ ...none, claim: true });
  });

  it('offers working a callback this workstation holds, also before its owner name arrived', () => {
    const working = { claim: false, release: true, attempt: true, forward: false, close: true };
    expect(requestActions(queueRow({ status: 'claimed', owner: mine }), ['agent'], NOW)).toEqual(working);
    expect(requestActions(queueRow({ status: 'claimed', owner: null }), ['agent'], NOW)).toEqual(working);
  });

  it('offers no claim of a restricted request (Art. 18), open or with a lapsed lease', () => {
    expect(requestActions(queueRow({ restricted: true }), ['agent'], NOW)).toEqual(none);
    expect(requestActions(queueRow({ status: 'claimed_elsewhere', owner: theirs, leaseUntil: '2025-03-12T09:00:00Z', restricted: true }), ['agent'], NOW)).toEqual(none);
  });

  it('offers nothing while a claim is pending (the core refuses until confirmed)', () => {
    expect(requestActions(queueRow({ status: 'claim_pending' }), ['agent'], NOW)).toEqual(none);
  });

  it('offers nothing on another user`s claim, closed callbacks, or to supervisors', () => {
    expect(requestActions(queueRow({ status: 'claimed', owner: theirs }), ['agent'], NOW)).toEqual(none);
    expect(requestActions(queueRow({ status: 'closed' }), ['agent'], NOW)).toEqual(none);
    expect(requestActions(queueRow(), ['supervisor'], NOW)).toEqual(none);
    expect(requestActions(queueRow(), ['dpo'], NOW)).toEqual(none);
  });

  it('offers taking over a claim elsewhere only once its lease ran out', () => {
    const elsewhere = (leaseUntil: string) => queueRow({ status: 'claimed_elsewhere', owner: theirs, leaseUntil });
    expect(requestActions(elsewhere('2025-03-12T10:30:00Z'), ['agent'], NOW)).toEqual(none);
    expect(requestActions(elsewhere('2025-03-12T09:30:00Z'), ['agent'], NOW)).toEqual({ ...none, claim: true });
  });

  it('offers forwarding only for contact requests this workstation holds', () => {
    const contact = queueRow({ kind: 'contact', status: 'claimed', owner: mine });
    expect(requestActions(contact, ['agent'], NOW)).toEqual({ claim: false, release: true, attempt: false, forward: true, close: true });
  });
});

describe('closeSuggestion', () => {
  const claimed = queueRow({ status: 'claimed', owner: mine });
  const attempt = (disposition: 'reached' | 'no_answer' | 'wrong_number') => ({ attemptNo: 1, disposition, at: '2025-03-12T09:10:00Z', by: 'Anna' });
  const retry = (attemptsLeft: number, allowed = false) => ({ allowed, reason: null, nextAllowedAt: null, attemptsLeft, rules: { maxAttempts: 3, minGapMinutes: 30 } });

  it('suggests resolved after reaching the person, unreachable after a wrong number or the last attempt', () => {
    expect(closeSuggestion({ ...requestDetail(claimed), attempts: [attempt('reached')] })?.outcome).toBe('resolved');
    expect(closeSuggestion({ ...requestDetail(claimed), attempts: [attempt('wrong_number')] })?.outcome).toBe('unreachable');
    expect(closeSuggestion({ ...requestDetail(claimed), attempts: [attempt('no_answer')], retry: retry(0) })?.outcome).toBe('unreachable');
    expect(closeSuggestion({ ...requestDetail(claimed), attempts: [attempt('no_answer')], retry: { ...retry(2), nextAllowedAt: '2025-03-12T09:40:00Z' } })).toBeNull();
    expect(closeSuggestion(requestDetail(claimed))).toBeNull();
  });
});

describe('closeOutcomes', () => {
  it('offers "Nicht erreicht" only for callbacks and "Online-Zugang gelöscht" first, only for a request to delete the online access', () => {
    expect(closeOutcomes('callback', 'billing')).toEqual(['resolved', 'unreachable', 'withdrawn', 'duplicate']);
    expect(closeOutcomes('contact', 'billing')).toEqual(['resolved', 'withdrawn', 'duplicate']);
    expect(closeOutcomes('contact', 'online_access')).toEqual(['access_deleted', 'resolved', 'withdrawn', 'duplicate']);
  });
});
