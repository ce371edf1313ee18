import { describe, expect, it } from 'vitest';
import { OUTCOMES, ROLES, TOPICS } from '../../../shared/domain';
import { REQUEST_STATUSES } from '../../../shared/views';
import { labelOptions, OUTCOME_LABELS, ownerLabel, ROLE_LABELS, roleList, STATUS_LABELS, TOPIC_LABELS } from './labels';

describe('German labels', () => {
  it('names every wire value of the contract', () => {
    for (const topic of TOPICS) expect(TOPIC_LABELS[topic]).toBeTruthy();
    for (const status of REQUEST_STATUSES) expect(STATUS_LABELS[status]).toBeTruthy();
    for (const outcome of OUTCOMES) expect(OUTCOME_LABELS[outcome]).toBeTruthy();
    for (const role of ROLES) expect(ROLE_LABELS[role]).toBeTruthy();
  });

  it('uses the service center wording', () => {
    expect(TOPIC_LABELS.outage).toBe('Störung');
    expect(STATUS_LABELS.claim_pending).toBe('Übernahme ausstehend');
    expect(STATUS_LABELS.claimed_elsewhere).toBe('Vergeben');
    expect(OUTCOME_LABELS.duplicate).toBe('Dublette');
    expect(roleList(['agent', 'supervisor'])).toBe('Sachbearbeitung, Leitung');
  });

  it('builds select options in declaration order', () => {
    expect(labelOptions(OUTCOME_LABELS).map((o) => o.value)).toEqual([...OUTCOMES]);
    expect(labelOptions(OUTCOME_LABELS)[0]).toEqual({ value: 'resolved', label: 'Erledigt' });
  });

  it('calls the current user "Sie"', () => {
    expect(ownerLabel({ displayName: 'Anna Albers', mine: true })).toBe('Sie');
    expect(ownerLabel({ displayName: 'Anna Albers', mine: true }, 'Anna Albers')).toBe('Anna Albers (Sie)');
    expect(ownerLabel({ displayName: 'Bernd Brandt', mine: false })).toBe('Bernd Brandt');
    expect(ownerLabel(null)).toBe('–');
  });
});
