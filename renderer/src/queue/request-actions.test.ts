import { describe, expect, it } from 'vitest';
import { queueRow } from '../testing/fake-desk-api';
import { requestActions } from './request-actions';

const mine = { displayName: 'Anna Albers', mine: true };
const theirs = { displayName: 'Bernd Brandt', mine: false };

describe('requestActions', () => {
  it('offers claiming an open callback to an agent', () => {
    expect(requestActions(queueRow(), ['agent'])).toEqual({ claim: true, release: false, attempt: false, close: false });
  });

  it('offers working a callback this workstation holds', () => {
    const row = queueRow({ status: 'claimed', owner: mine });
    expect(requestActions(row, ['agent'])).toEqual({ claim: false, release: true, attempt: true, close: true });
  });

  it('treats a pending claim as our own', () => {
    expect(requestActions(queueRow({ status: 'claim_pending', owner: null }), ['agent']).release).toBe(true);
  });

  it('offers nothing on callbacks held elsewhere, closed ones, or to supervisors', () => {
    const none = { claim: false, release: false, attempt: false, close: false };
    expect(requestActions(queueRow({ status: 'claimed_elsewhere', owner: theirs }), ['agent'])).toEqual(none);
    expect(requestActions(queueRow({ status: 'closed' }), ['agent'])).toEqual(none);
    expect(requestActions(queueRow(), ['supervisor'])).toEqual(none);
    expect(requestActions(queueRow(), ['dpo'])).toEqual(none);
  });
});
