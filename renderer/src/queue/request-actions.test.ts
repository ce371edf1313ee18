import { describe, expect, it } from 'vitest';
import { queueRow } from '../testing/fake-desk-api';
import { requestActions } from './request-actions';

const mine = { displayName: 'Anna Albers', mine: true };
const theirs = { displayName: 'Bernd Brandt', mine: false };
const NOW = new Date('2025-03-12T10:00:00Z');
const none = { claim: false, release: false, attempt: false, close: false };

describe('requestActions', () => {
  it('offers claiming an open callback to an agent', () => {
    expect(requestActions(queueRow(), ['agent'], NOW)).toEqual({ ...none, claim: true });
  });

  it('offers working a callback this workstation holds, also before its owner name arrived', () => {
    const working = { claim: false, release: true, attempt: true, close: true };
    expect(requestActions(queueRow({ status: 'claimed', owner: mine }), ['agent'], NOW)).toEqual(working);
    expect(requestActions(queueRow({ status: 'claimed', owner: null }), ['agent'], NOW)).toEqual(working);
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
});
